import { defineModule } from '../../kernel/module.js';
import { TENANCY_PERMISSIONS } from './contract.js';
import { tenancyEvents } from './events.js';
import { createAppRoute } from './routes/create-app.js';
import { createProjectRoute } from './routes/create-project.js';
import { createTenantRoute } from './routes/create-tenant.js';
import { deleteAppRoute } from './routes/delete-app.js';
import { deleteProjectRoute } from './routes/delete-project.js';
import { getAppRoute } from './routes/get-app.js';
import { getAppOverviewRoute } from './routes/get-app-overview.js';
import { getProjectRoute } from './routes/get-project.js';
import { getTenantProfileRoute } from './routes/get-tenant-profile.js';
import { listAppsRoute } from './routes/list-apps.js';
import { listMyTenantsRoute } from './routes/list-my-tenants.js';
import { listProjectsRoute } from './routes/list-projects.js';
import { signUpRoute } from './routes/sign-up.js';
import { switchTenantRoute } from './routes/switch-tenant.js';
import { updateAppRoute } from './routes/update-app.js';
import { updateProjectRoute } from './routes/update-project.js';
import { updateTenantProfileRoute } from './routes/update-tenant-profile.js';
import { seedTenancyDemo } from './services/seed-demo.js';

const EVERY_ROLE = ['owner', 'admin', 'developer', 'analyst', 'viewer'];
const BUILD = { id: 'build', title: 'Build', order: 20 };
/** Shared with other modules' settings pages (team, billing): same id, title and order. */
const SETTINGS = { id: 'settings', title: 'Settings', order: 80 };

export const tenancyModule = defineModule({
  id: 'tenancy',
  title: 'Tenancy',
  description: 'Tenants, their projects and apps, and the operator console.',
  routes: [
    signUpRoute,
    listMyTenantsRoute,
    createTenantRoute,
    switchTenantRoute,
    getTenantProfileRoute,
    updateTenantProfileRoute,
    listProjectsRoute,
    createProjectRoute,
    getProjectRoute,
    updateProjectRoute,
    deleteProjectRoute,
    listAppsRoute,
    createAppRoute,
    getAppRoute,
    updateAppRoute,
    deleteAppRoute,
    getAppOverviewRoute,
  ],
  events: tenancyEvents,
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
  // Early: keys, webhooks and logs of other modules' demo data belong to these apps.
  demo: { order: 10, seed: seedTenancyDemo },
  nav: [
    {
      section: BUILD,
      id: 'tenancy-projects',
      title: 'Projects',
      path: '/tenancy/projects',
      icon: 'folder-kanban',
      description: 'Group your apps by integration or product line.',
      order: 10,
      permission: TENANCY_PERMISSIONS.projectsRead,
    },
    {
      section: BUILD,
      id: 'tenancy-apps',
      title: 'Apps',
      path: '/tenancy/apps',
      icon: 'boxes',
      description: 'Your API clients per environment, their IP allowlists and settings.',
      order: 20,
      permission: TENANCY_PERMISSIONS.appsRead,
    },
    {
      section: SETTINGS,
      id: 'tenancy-organisation',
      title: 'Organisation',
      path: '/tenancy/organisation',
      icon: 'building-2',
      description: 'Your organisation’s name, contact, address, logo and brand colour.',
      order: 10,
      permission: TENANCY_PERMISSIONS.settingsRead,
    },
  ],
});
