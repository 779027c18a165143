import { defineModule } from '../../kernel/module.js';
import { TENANCY_PERMISSIONS } from '../tenancy/contract.js';
import { OPERATOR_PERMISSIONS } from './contract.js';
import { createOperatorTenantRoute } from './routes/create-operator-tenant.js';
import { listMailboxRoute } from './routes/list-mailbox.js';
import { listOperatorTenantsRoute } from './routes/list-operator-tenants.js';

const section = { id: 'operator', title: 'Operator', order: 95 };

export const operatorModule = defineModule({
  id: 'operator',
  title: 'Operator console',
  description: 'Cross-tenant views for the operator’s staff: tenants and the development mailbox.',
  routes: [listOperatorTenantsRoute, createOperatorTenantRoute, listMailboxRoute],
  tags: [
    { name: 'Operator', description: 'Operator API: cross-tenant views and actions for operator staff.' },
  ],
  permissions: [
    {
      name: OPERATOR_PERMISSIONS.mailboxRead,
      scope: 'operator',
      description: 'Read the development mailbox.',
      defaultRoles: ['operator_admin'],
    },
  ],
  nav: [
    {
      section,
      id: 'operator-tenants',
      title: 'Tenants',
      path: '/operator/tenants',
      icon: 'building-2',
      description: 'Every tenant on this installation.',
      order: 10,
      permission: TENANCY_PERMISSIONS.tenantsRead,
    },
    {
      section,
      id: 'operator-mailbox',
      title: 'Mailbox',
      path: '/operator/mailbox',
      icon: 'inbox',
      description: 'Mail sent while no SMTP server is configured.',
      order: 20,
      permission: OPERATOR_PERMISSIONS.mailboxRead,
    },
  ],
});
