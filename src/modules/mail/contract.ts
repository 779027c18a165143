import { z } from 'zod';

export const MailMessageSchema = z.object({
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
});

export type MailMessage = z.infer<typeof MailMessageSchema>;
