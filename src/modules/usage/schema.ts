// The usage module owns no tables: it reads the request log's rollups and looks keys up by id.
// Re-exported here because a module's services reach other modules' tables only through schema.ts.
export { apiKeys } from '../keys/schema.js';
export { requestRollupsDay, requestRollupsHour } from '../logs/schema.js';
