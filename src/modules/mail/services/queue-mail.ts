import type { AppServices } from '../../../kernel/context.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import type { MailMessage } from '../contract.js';
import { sendMailJob } from '../jobs/send-mail.js';

/** Queues a message in the caller's transaction: if the change rolls back, no mail leaves. */
export function queueMail(services: AppServices, tx: Tx, message: MailMessage): Promise<string> {
  return services.queue.enqueue(tx, sendMailJob, message);
}
