import { defineModule } from '../../kernel/module.js';
import { AUDIT_PERMISSIONS } from './contract.js';
import { exportAuditEventsRoute } from './routes/export-audit-events.js';
import { getAuditEventRoute } from './routes/get-audit-event.js';
import { listAuditEventsRoute } from './routes/list-audit-events.js';
import { verifyAuditChainRoute } from './routes/verify-audit-chain.js';

export const auditModule = defineModule({
  id: 'audit',
  title: 'Audit trail',
  description: 'Append-only, hash-chained record of every sensitive action.',
  routes: [listAuditEventsRoute, getAuditEventRoute, exportAuditEventsRoute, verifyAuditChainRoute],
  tags: [{ name: 'Audit', description: 'The tenant’s audit trail: search, export and chain verification.' }],
  permissions: [
    {
      name: AUDIT_PERMISSIONS.read,
      description: 'Read, export and verify the audit trail.',
      defaultRoles: ['owner', 'admin'],
    },
  ],
  nav: [
    {
      section: { id: 'settings', title: 'Settings', order: 80 },
      id: 'audit',
      title: 'Audit trail',
      path: '/audit',
      icon: 'scroll-text',
      description: 'Who did what, when and from where; tamper-evident.',
      order: 90,
      permission: AUDIT_PERMISSIONS.read,
    },
  ],
});
