import { defineModule } from '../../kernel/module.js';
import { SYSTEM_PERMISSIONS } from './contract.js';
import { workerHeartbeatJob } from './jobs/worker-heartbeat.js';
import { getSystemInfoRoute } from './routes/get-system-info.js';
import { healthzRoute, metricsRoute, readyzRoute } from './routes/health.js';
import { listNavigationRoute } from './routes/list-navigation.js';

export const systemModule = defineModule({
  id: 'system',
  title: 'System',
  description: 'Version, database, modules and health of this Atrium instance.',
  routes: [getSystemInfoRoute, listNavigationRoute, healthzRoute, readyzRoute, metricsRoute],
  jobs: [workerHeartbeatJob],
  tags: [
    { name: 'System', description: 'This Atrium instance.' },
    { name: 'Operations', description: 'Health, readiness and metrics for operators and orchestrators.' },
  ],
  permissions: [
    {
      name: SYSTEM_PERMISSIONS.read,
      description: 'See the instance description (version, database, modules).',
      defaultRoles: [
        'owner',
        'admin',
        'developer',
        'analyst',
        'viewer',
        'operator_admin',
        'operator_support',
      ],
    },
  ],
  nav: [
    {
      section: { id: 'platform', title: 'Platform', order: 90 },
      id: 'system',
      title: 'System',
      path: '/system',
      icon: 'server',
      description: 'Version, database and modules of this Atrium instance.',
      order: 100,
      permission: SYSTEM_PERMISSIONS.read,
    },
  ],
});
