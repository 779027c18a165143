import { defineModule } from '../../kernel/module.js';
import { ACCESS_PERMISSIONS } from './contract.js';
import { getMyAccessRoute } from './routes/get-my-access.js';
import { sessionPrincipal } from './services/session-principal.js';

export const accessModule = defineModule({
  id: 'access',
  title: 'Team and roles',
  description: 'Memberships, invitations, built-in and custom roles, and the permission catalogue.',
  routes: [getMyAccessRoute],
  tags: [{ name: 'Team', description: 'Members, invitations, roles and permissions.' }],
  permissions: [
    {
      name: ACCESS_PERMISSIONS.teamRead,
      description: 'See the team, pending invitations and the roles.',
      defaultRoles: ['owner', 'admin', 'developer', 'analyst', 'viewer'],
    },
    {
      name: ACCESS_PERMISSIONS.teamManage,
      description: 'Invite, re-role and remove members.',
      defaultRoles: ['owner', 'admin'],
    },
    {
      name: ACCESS_PERMISSIONS.rolesManage,
      description: 'Create, edit and delete custom roles.',
      defaultRoles: ['owner', 'admin'],
    },
  ],
  // A session cookie → the user, the tenant they work in and their role's permissions.
  authenticators: [sessionPrincipal],
});
