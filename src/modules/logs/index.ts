// The logs module's public services, for other modules, tests and benchmarks.
export type { CapturedRequest } from './services/entry.js';
export { listRequestLogs } from './services/list-logs.js';
export { persistBatch, prepareRow, upsertRollups } from './services/persist.js';
export type { Rollup } from './services/rollup.js';
export { redactorFor, requestLogWriter } from './services/runtime.js';
export { RequestLogWriter } from './services/writer.js';
