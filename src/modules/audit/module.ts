import { defineModule } from '../../kernel/module.js';
import { AUDIT_PERMISSIONS } from './contract.js';

export const auditModule = defineModule({
  id: 'audit',
  title: 'Audit trail',
  description: 'Append-only, hash-chained record of every sensitive action.',
  tags: [{ name: 'Audit', description: 'The tenant’s audit trail: search, export and chain verification.' }],
  permissions: [
    {
      name: AUDIT_PERMISSIONS.read,
      description: 'Read, export and verify the audit trail.',
      defaultRoles: ['owner', 'admin'],
    },
  ],
});
