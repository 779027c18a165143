import { defineModule } from '../../kernel/module.js';
import { sendMailJob } from './jobs/send-mail.js';

export const mailModule = defineModule({
  id: 'mail',
  title: 'Mail',
  description: 'Outgoing mail through SMTP, or a development mailbox when no SMTP server is configured.',
  jobs: [sendMailJob],
});
