// The audit module's public services, for other modules.
export type { AuditEntry, AuditTarget } from './services/record-audit.js';
export { recordAudit } from './services/record-audit.js';
