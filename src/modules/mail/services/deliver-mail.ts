import nodemailer from 'nodemailer';
import type { AppServices } from '../../../kernel/context.js';
import type { MailMessage } from '../contract.js';
import { devMailbox } from '../schema.js';

export type Delivery = { via: 'smtp'; messageId: string } | { via: 'mailbox'; id: string };

type Transport = ReturnType<typeof nodemailer.createTransport>;
const transports = new WeakMap<AppServices, Transport>();

/**
 * Sends one message now: through SMTP when SMTP_URL is set, otherwise into the development
 * mailbox. Callers queue mail with `queueMail` instead, so a message leaves only once the change
 * that caused it has committed.
 */
export async function deliverMail(services: AppServices, message: MailMessage): Promise<Delivery> {
  const from = services.config.MAIL_FROM;
  const smtpUrl = services.config.SMTP_URL;
  if (!smtpUrl) {
    const [row] = await services.db
      .insert(devMailbox)
      .values({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
      })
      .returning({ id: devMailbox.id });
    if (!row) throw new Error('the development mailbox did not store the message');
    return { via: 'mailbox', id: row.id };
  }
  let transport = transports.get(services);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(services, transport);
  }
  const sent = await transport.sendMail({ from, ...message });
  return { via: 'smtp', messageId: sent.messageId };
}
