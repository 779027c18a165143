import { defineModule } from '../../kernel/module.js';
import { TENANCY_PERMISSIONS } from './contract.js';
import { createTenantRoute } from './routes/create-tenant.js';
import { listMyTenantsRoute } from './routes/list-my-tenants.js';
import { signUpRoute } from './routes/sign-up.js';
import { switchTenantRoute } from './routes/switch-tenant.js';

const EVERY_ROLE = ['owner', 'admin', 'developer', 'analyst', 'viewer'];

export const tenancyModule = defineModule({
  id: 'tenancy',
  title: 'Tenancy',
  description: 'Tenants, their projects and apps, and the operator console.',
  routes: [signUpRoute, listMyTenantsRoute, createTenantRoute, switchTenantRoute],
  tags: [{ name: 'Tenancy', description: 'Sign-up, the tenant profile, projects and apps.' }],
  permissions: [
    { name: TENANCY_PERMISSIONS.projectsRead, description: 'See projects.', defaultRoles: EVERY_ROLE },
    {
      name: TENANCY_PERMISSIONS.projectsWrite,
      description: 'Create, rename and delete projects.',
      defaultRoles: ['owner', 'admin'],
    },
    {
      name: TENANCY_PERMISSIONS.appsRead,
      description: 'See apps and their settings.',
      defaultRoles: EVERY_ROLE,
    },
    {
      name: TENANCY_PERMISSIONS.appsWrite,
      description: 'Create, edit and delete apps, their IP allowlists and settings.',
      defaultRoles: ['owner', 'admin'],
    },
    {
      name: TENANCY_PERMISSIONS.settingsRead,
      description: 'See the tenant profile.',
      defaultRoles: EVERY_ROLE,
    },
    {
      name: TENANCY_PERMISSIONS.settingsManage,
      description: 'Edit the tenant profile (name, contact, address, tax id, logo, brand colour).',
      defaultRoles: ['owner'],
    },
    {
      name: TENANCY_PERMISSIONS.tenantsRead,
      scope: 'operator',
      description: 'List and search every tenant (operator console).',
      defaultRoles: ['operator_admin', 'operator_support'],
    },
    {
      name: TENANCY_PERMISSIONS.tenantsManage,
      scope: 'operator',
      description: 'Create tenants and invite their first owner (operator console).',
      defaultRoles: ['operator_admin'],
    },
  ],
});
