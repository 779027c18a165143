// The jobs module's public services: long-running handlers record their state and progress.
export {
  createJobRun,
  finishJobRun,
  type JobRunRef,
  type NewJobRun,
  reportProgress,
  startJobRun,
  trackJobRun,
} from './services/job-runs.js';
