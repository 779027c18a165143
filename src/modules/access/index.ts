// The access module's public services, for other modules.
export { addMember } from './services/add-member.js';
export { createBuiltInRoles } from './services/create-built-in-roles.js';
export { grantOperatorRole } from './services/grant-operator-role.js';
export { inviteFirstOwner } from './services/invite-first-owner.js';
export { listRecipients, type Recipient } from './services/list-recipients.js';
export { permissionCatalogue } from './services/permission-catalogue.js';
export { signUpByInvitation } from './services/sign-up-by-invitation.js';
