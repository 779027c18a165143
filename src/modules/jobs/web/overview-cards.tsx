import type { OverviewCard } from '@web/overview/contributed-cards';
import { JOBS_PERMISSIONS } from '../contract';
import { JobTracker } from './components/job-tracker';

export const overviewCards: OverviewCard[] = [
  { id: 'jobs', order: 10, permission: JOBS_PERMISSIONS.jobsRead, Card: JobTracker },
];
