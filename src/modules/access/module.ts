import { defineModule } from '../../kernel/module.js';
import { ACCESS_PERMISSIONS } from './contract.js';
import { acceptInvitationRoute } from './routes/accept-invitation.js';
import { cancelInvitationRoute } from './routes/cancel-invitation.js';
import { createInvitationRoute } from './routes/create-invitation.js';
import { createRoleRoute } from './routes/create-role.js';
import { deleteRoleRoute } from './routes/delete-role.js';
import { getInvitationRoute } from './routes/get-invitation.js';
import { getMyAccessRoute } from './routes/get-my-access.js';
import { leaveTeamRoute } from './routes/leave-team.js';
import { listInvitationsRoute } from './routes/list-invitations.js';
import { listMembersRoute } from './routes/list-members.js';
import { listPermissionsRoute } from './routes/list-permissions.js';
import { listRolesRoute } from './routes/list-roles.js';
import { removeMemberRoute } from './routes/remove-member.js';
import { resendInvitationRoute } from './routes/resend-invitation.js';
import { updateMemberRoute } from './routes/update-member.js';
import { updateRoleRoute } from './routes/update-role.js';
import { seedDemoTeam } from './services/seed-demo-team.js';
import { sessionPrincipal } from './services/session-principal.js';

const SETTINGS = { id: 'settings', title: 'Settings', order: 80 };

export const accessModule = defineModule({
  id: 'access',
  title: 'Team and roles',
  description: 'Memberships, invitations, built-in and custom roles, and the permission catalogue.',
  routes: [
    getMyAccessRoute,
    listPermissionsRoute,
    listRolesRoute,
    createRoleRoute,
    updateRoleRoute,
    deleteRoleRoute,
    listMembersRoute,
    updateMemberRoute,
    removeMemberRoute,
    leaveTeamRoute,
    listInvitationsRoute,
    createInvitationRoute,
    resendInvitationRoute,
    cancelInvitationRoute,
    getInvitationRoute,
    acceptInvitationRoute,
  ],
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
  nav: [
    {
      section: SETTINGS,
      id: 'team',
      title: 'Team',
      path: '/access/team',
      icon: 'users',
      description: 'Members, their roles, invitations and team activity.',
      order: 10,
      permission: ACCESS_PERMISSIONS.teamRead,
    },
    {
      section: SETTINGS,
      id: 'roles',
      title: 'Roles',
      path: '/access/roles',
      icon: 'shield-check',
      description: 'Built-in and custom roles and the permission matrix.',
      order: 20,
      permission: ACCESS_PERMISSIONS.teamRead,
    },
  ],
  // A session cookie → the user, the tenant they work in and their role's permissions.
  authenticators: [{ credentials: 'session', authenticate: sessionPrincipal }],
  demo: { order: 20, seed: seedDemoTeam },
});
