import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { leaveTeam } from '../services/leave-team.js';
import { teamUsers } from '../services/team-users.js';
import { requireSignedInUser } from './caller.js';

export const leaveTeamRoute = defineRoute({
  route: createRoute({
    operationId: 'leaveTeam',
    method: 'post',
    path: '/partner/team/leave',
    tags: ['Team'],
    summary: 'Leave the tenant',
    description:
      'Ends your own membership of the tenant this session works in; any member may, except the last Owner. The session then works in your next tenant, if any.',
    responses: {
      204: { description: 'You left.' },
      403: problemContent('Not a signed-in user, or in no tenant.'),
      409: problemContent('You are the last Owner.'),
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const { id } = requireSignedInUser(c);
    const user = (await teamUsers(c.env.services, [id])).get(id);
    if (!user) throw new ProblemError('forbidden', 'Only a signed-in user can leave a tenant.');
    await callerTenantTx(c, (tx) => leaveTeam(tx, { user, actor: requestActor(c) }));
    return c.body(null, 204);
  },
});
