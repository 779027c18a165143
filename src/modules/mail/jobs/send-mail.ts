import { defineJob } from '../../../kernel/queue/jobs.js';
import { MailMessageSchema } from '../contract.js';
import { deliverMail } from '../services/deliver-mail.js';

/** One outgoing message. Retried with backoff: SMTP servers refuse transiently (greylisting, limits). */
export const sendMailJob = defineJob({
  name: 'mail.send',
  description: 'Delivers one message through SMTP, or into the development mailbox.',
  payload: MailMessageSchema,
  retry: { limit: 8, delaySeconds: 30, backoff: true },
  timeoutSeconds: 60,
  handle: async (message, services) => {
    const delivery = await deliverMail(services, message);
    services.log.info({ to: message.to, subject: message.subject, ...delivery }, 'mail delivered');
  },
});
