// The mail module's public services, for other modules.
export { listMailbox } from './services/list-mailbox.js';
export { queueMail } from './services/queue-mail.js';
