import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { listMailbox } from '../../mail/index.js';
import { MailboxQuerySchema, MailboxSchema, OPERATOR_PERMISSIONS } from '../contract.js';

export const listMailboxRoute = defineRoute({
  route: createRoute({
    operationId: 'listMailbox',
    method: 'get',
    path: '/operator/mailbox',
    tags: ['Operator'],
    summary: 'Development mailbox',
    description:
      'Mail Atrium sent while no SMTP server is configured (verification links, magic links, invitations), newest first, so those flows work on the embedded default.',
    request: { query: MailboxQuerySchema },
    responses: {
      200: { description: 'The messages.', content: { 'application/json': { schema: MailboxSchema } } },
    },
  }),
  access: requirePermission(OPERATOR_PERMISSIONS.mailboxRead),
  handler: async (c) => {
    const query = c.req.valid('query');
    const messages = await listMailbox(c.env.services.db, query);
    return c.json(
      {
        delivery: c.env.services.config.SMTP_URL ? ('smtp' as const) : ('mailbox' as const),
        data: messages.map((message) => ({
          id: message.id,
          receivedAt: message.receivedAt.toISOString(),
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        })),
      },
      200,
    );
  },
});
