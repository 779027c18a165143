import { defineModule } from '../../kernel/module.js';
import { USAGE_PERMISSIONS } from './contract.js';
import { getKeyUsageRoute } from './routes/get-key-usage.js';
import { getOverviewRoute } from './routes/get-overview.js';
import { listKeyUsageRoute } from './routes/list-key-usage.js';

export const usageModule = defineModule({
  id: 'usage',
  title: 'Usage',
  description:
    'Usage figures from the request rollups: the overview (calls, error rate, p95 latency, active seats, API health) and per-key usage.',
  routes: [getOverviewRoute, listKeyUsageRoute, getKeyUsageRoute],
  tags: [{ name: 'Usage', description: 'API traffic of the tenant: the overview and per-key usage.' }],
  permissions: [
    {
      name: USAGE_PERMISSIONS.usageRead,
      description: 'See API usage figures: the overview, per-key calls and error rates.',
      defaultRoles: ['owner', 'admin', 'developer', 'analyst', 'viewer'],
    },
  ],
});
