// The audit module's public services, for other modules and the CLI.
export type { AuditEvent } from './services/audit-event-view.js';
export type { AuditFilters } from './services/audit-filters.js';
export { countAuditEvents } from './services/count-audit-events.js';
export { describeChainReport } from './services/describe-chain-report.js';
export type { AuditEventPage, ListAuditEventsOptions } from './services/list-audit-events.js';
export { listAuditEvents } from './services/list-audit-events.js';
export type { AuditEntry, AuditTarget } from './services/record-audit.js';
export { recordAudit } from './services/record-audit.js';
export type { ChainReport } from './services/verify-audit-chain.js';
export { listAuditChains, verifyAuditChain } from './services/verify-audit-chain.js';
