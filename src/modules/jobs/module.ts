import { defineModule } from '../../kernel/module.js';
import { JOBS_PERMISSIONS } from './contract.js';
import { getJobRunRoute } from './routes/get-job-run.js';
import { listJobRunsRoute } from './routes/list-job-runs.js';
import { seedJobsDemo } from './services/seed-demo.js';

export const jobsModule = defineModule({
  id: 'jobs',
  title: 'Jobs',
  description:
    'Long-running work of a tenant (exports, analyses, screening runs) with state, progress, timings and errors, updated live.',
  routes: [listJobRunsRoute, getJobRunRoute],
  tags: [{ name: 'Jobs', description: 'Your tenant’s long-running work and how far it got.' }],
  permissions: [
    {
      name: JOBS_PERMISSIONS.jobsRead,
      description: 'See the tenant’s job runs and their progress.',
      defaultRoles: ['owner', 'admin', 'developer', 'analyst', 'viewer'],
    },
  ],
  // After the team (20): failures notify the Owners.
  demo: { order: 70, seed: seedJobsDemo },
  nav: [
    {
      section: { id: 'observe', title: 'Observe', order: 30 },
      id: 'jobs',
      title: 'Jobs',
      path: '/jobs',
      icon: 'list-checks',
      description: 'Exports and other long work: progress, results and failures.',
      order: 30,
      permission: JOBS_PERMISSIONS.jobsRead,
    },
  ],
});
