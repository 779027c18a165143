import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { ProblemError } from '../../../kernel/http/problem.js';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { LIVE_EVENT_DESCRIPTIONS, StreamQuerySchema } from '../contract.js';
import { runStream } from '../services/open-stream.js';

const eventList = Object.entries(LIVE_EVENT_DESCRIPTIONS)
  .map(([type, description]) => `- \`${type}\`: ${description}`)
  .join('\n');

export const streamEventsRoute = defineRoute({
  route: createRoute({
    operationId: 'streamLiveEvents',
    method: 'get',
    path: '/partner/stream',
    tags: ['Live updates'],
    summary: 'Stream live events (Server-Sent Events)',
    description: `A \`text/event-stream\` of what happens in your tenant while you watch: each message has \`id\` (a \`lev_…\` id), \`event\` (its type) and \`data\` (JSON). Events for one user (notifications) reach only that user. Reconnect with the \`Last-Event-ID\` header (browsers' \`EventSource\` does it by itself) or \`?lastEventId=\` to receive what you missed, up to an hour back. A comment line arrives every 15 seconds while nothing else does. Works whichever API process you reach: events travel between processes through PostgreSQL.\n\nEvent types:\n${eventList}`,
    request: { query: StreamQuerySchema },
    responses: {
      200: {
        description: 'The stream; it stays open until the client closes it.',
        content: {
          'text/event-stream': {
            schema: z.string().openapi({
              example:
                'retry: 3000\n: connected\n\nevent: notification.created\ndata: {"id":"ntf_01jf8z…","title":"Job failed"}\nid: lev_01jf8z9a2b3c4d5e6f7g8h9j0k\n\n',
            }),
          },
        },
      },
      403: problemContent('The caller is not a signed-in user working in a tenant (API keys get no stream).'),
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const principal = c.get('principal');
    if (principal?.kind !== 'user' || !principal.userId || !principal.tenantId) {
      throw new ProblemError('forbidden', 'The live stream is for signed-in users working in a tenant.');
    }
    const { lastEventId } = c.req.valid('query');
    const resume = c.req.header('last-event-id') ?? lastEventId;
    // An id this API never gave out resumes nothing: the stream starts from now.
    const afterId = resume ? fromPublicId('liveEvent', resume.trim()) : undefined;
    const who = { tenantId: principal.tenantId, userId: principal.userId, afterId };
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, (stream) => runStream(c.env.services, stream, who));
  },
});
