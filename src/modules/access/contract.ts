import { z } from '@hono/zod-openapi';

export const ACCESS_PERMISSIONS = {
  teamRead: 'team:read',
  teamManage: 'team:manage',
  rolesManage: 'roles:manage',
} as const;

/** The built-in tenant roles, most powerful first (SPEC §1). */
export const BUILT_IN_ROLES = [
  { key: 'owner', name: 'Owner', description: 'Everything, including billing and deleting the tenant.' },
  { key: 'admin', name: 'Admin', description: 'Apps, keys, logs, webhooks and the team.' },
  { key: 'developer', name: 'Developer', description: 'Keys, logs and webhooks; reads the rest.' },
  { key: 'analyst', name: 'Analyst', description: 'Customer intelligence, compliance, reports and exports.' },
  { key: 'viewer', name: 'Viewer', description: 'Reads everything it may see, changes nothing.' },
] as const;

export type BuiltInRoleKey = (typeof BUILT_IN_ROLES)[number]['key'];

/** Operator staff roles (SPEC §1): across all tenants, through the operator console. */
export const OPERATOR_ROLES = ['operator_admin', 'operator_support'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const MyAccessSchema = z
  .object({
    tenant: z
      .object({
        id: z.string().openapi({ example: 'ten_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
        name: z.string().openapi({ example: 'Acme Bank' }),
      })
      .nullable()
      .openapi({ description: 'The tenant this session works in; null for a user without one.' }),
    role: z
      .object({
        key: z.string().openapi({ example: 'owner' }),
        name: z.string().openapi({ example: 'Owner' }),
      })
      .nullable(),
    operatorRole: z.enum(OPERATOR_ROLES).nullable(),
    permissions: z.array(z.string()).openapi({
      description: 'Everything the caller may do; the dashboard hides the rest.',
      example: ['apps:read'],
    }),
  })
  .openapi('MyAccess');

// ---------------------------------------------------------------------------------------------
// Permissions, roles, members and invitations (the Team and Roles pages read these).

/** Where an invitation link points: the dashboard page that shows and accepts it (module pages live under /<module id>). */
export const INVITATION_ACCEPT_PATH = '/access/invitations/accept';
/** How long an invitation link stays valid after it is (re)sent. */
export const INVITATION_TTL_DAYS = 7;

export const INVITATION_STATUSES = ['pending', 'accepted', 'cancelled', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

const roleId = z.string().openapi({ example: 'rol_01jf8z6x3m4r5t6v7w8x9y0z1a' });
const timestamp = z.iso.datetime().openapi({ example: '2026-11-21T12:00:00.000Z' });

export const PermissionSchema = z
  .object({
    name: z.string().openapi({ example: 'apps:write' }),
    resource: z.string().openapi({ description: 'The part before the colon.', example: 'apps' }),
    action: z.string().openapi({ description: 'The part after the colon.', example: 'write' }),
    description: z.string().openapi({ example: 'Create, edit and delete apps.' }),
    module: z
      .object({
        id: z.string().openapi({ example: 'tenancy' }),
        title: z.string().openapi({ example: 'Tenancy' }),
      })
      .openapi({ description: 'The module that declares it.' }),
    builtInRoles: z
      .array(z.string())
      .openapi({ description: 'Keys of the built-in roles that hold it.', example: ['owner', 'admin'] }),
  })
  .openapi('Permission');

export const PermissionCatalogueSchema = z
  .object({
    data: z.array(PermissionSchema).openapi({
      description:
        'Every tenant permission of the enabled modules, in module order: what roles are built from.',
    }),
  })
  .openapi('PermissionCatalogue');

export const RoleRefSchema = z
  .object({
    id: roleId,
    key: z.string().openapi({ example: 'admin' }),
    name: z.string().openapi({ example: 'Admin' }),
  })
  .openapi('RoleRef');

export const RoleSchema = z
  .object({
    id: roleId,
    key: z.string().openapi({
      description: 'Stable key: `owner`, `admin`, `developer`, `analyst`, `viewer`, or a custom role’s slug.',
      example: 'support-lead',
    }),
    name: z.string().openapi({ example: 'Support lead' }),
    description: z.string().openapi({ example: 'Reads everything and manages the team.' }),
    builtIn: z.boolean().openapi({ description: 'Built-in roles cannot be edited or deleted.' }),
    permissions: z.array(z.string()).openapi({
      description: 'Effective permissions, in catalogue order.',
      example: ['apps:read', 'team:read', 'team:manage'],
    }),
    memberCount: z.number().int().openapi({ example: 3 }),
    pendingInvitationCount: z.number().int().openapi({ example: 1 }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Role');

export const RoleListSchema = z.object({ data: z.array(RoleSchema) }).openapi('RoleList');

const roleName = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .openapi({ description: 'Unique in the tenant, case-insensitively.', example: 'Support lead' });
const roleDescription = z
  .string()
  .trim()
  .max(200)
  .openapi({ example: 'Reads everything and manages the team.' });
const permissionList = z
  .array(z.string().max(100))
  .max(200)
  .openapi({
    description: 'Names from `GET /partner/permissions`. You can only grant permissions you hold yourself.',
    example: ['apps:read', 'team:read', 'team:manage'],
  });

export const CreateRoleRequestSchema = z
  .object({
    name: roleName,
    description: roleDescription.default(''),
    permissions: permissionList,
  })
  .openapi('CreateRoleRequest', {
    example: {
      name: 'Support lead',
      description: 'Reads everything and manages the team.',
      permissions: ['apps:read', 'team:read', 'team:manage'],
    },
  });

export const UpdateRoleRequestSchema = z
  .object({
    name: roleName.optional(),
    description: roleDescription.optional(),
    permissions: permissionList.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send at least one of name, description and permissions.',
  })
  .openapi('UpdateRoleRequest', {
    example: { name: 'Team lead', permissions: ['team:read', 'team:manage'] },
  });

export const RoleIdParamsSchema = z.object({
  roleId: roleId.openapi({ param: { name: 'roleId', in: 'path' } }),
});

export const MemberSchema = z
  .object({
    id: z.string().openapi({ example: 'mem_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
    user: z.object({
      id: z.string().openapi({ example: 'usr_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
      name: z.string().openapi({ example: 'Ada Lovelace' }),
      email: z.string().openapi({ example: 'ada@acme-bank.example' }),
    }),
    role: RoleRefSchema,
    status: z.literal('active').openapi({
      description: 'Members are active; people invited but not yet joined are invitations.',
    }),
    joinedAt: timestamp,
    isYou: z.boolean().openapi({ description: 'True for the caller’s own membership.' }),
  })
  .openapi('Member');

export const MemberListSchema = z.object({ data: z.array(MemberSchema) }).openapi('MemberList');

export const UpdateMemberRequestSchema = z
  .object({ roleId: roleId.openapi({ description: 'The member’s new role.' }) })
  .openapi('UpdateMemberRequest', { example: { roleId: 'rol_01jf8z6x3m4r5t6v7w8x9y0z1a' } });

export const MemberIdParamsSchema = z.object({
  memberId: z
    .string()
    .openapi({ param: { name: 'memberId', in: 'path' }, example: 'mem_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
});

export const InvitationSchema = z
  .object({
    id: z.string().openapi({ example: 'inv_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
    email: z.string().openapi({ example: 'grace@acme-bank.example' }),
    role: RoleRefSchema,
    status: z.enum(INVITATION_STATUSES).openapi({
      description: '`expired`: still pending but past `expiresAt`; resending renews it.',
    }),
    invitedBy: z
      .object({
        id: z.string().openapi({ example: 'usr_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
        name: z.string().openapi({ example: 'Ada Lovelace' }),
        email: z.string().openapi({ example: 'ada@acme-bank.example' }),
      })
      .nullable()
      .openapi({ description: 'Null when the inviter’s account no longer exists.' }),
    sentAt: timestamp,
    expiresAt: timestamp,
    acceptedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .openapi('Invitation');

export const InvitationListSchema = z.object({ data: z.array(InvitationSchema) }).openapi('InvitationList');

export const InvitationListQuerySchema = z.object({
  status: z
    .enum(INVITATION_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, description: 'Only invitations in this status.' }),
});

export const CreateInvitationRequestSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .openapi({ description: 'Where the invitation goes.', example: 'grace@acme-bank.example' }),
    roleId: roleId.openapi({ description: 'The role the person gets on joining.' }),
  })
  .openapi('CreateInvitationRequest', {
    example: { email: 'grace@acme-bank.example', roleId: 'rol_01jf8z6x3m4r5t6v7w8x9y0z1a' },
  });

export const InvitationIdParamsSchema = z.object({
  invitationId: z
    .string()
    .openapi({ param: { name: 'invitationId', in: 'path' }, example: 'inv_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
});

export const InvitationTokenParamsSchema = z.object({
  token: z
    .string()
    .max(200)
    .openapi({
      param: { name: 'token', in: 'path' },
      description: 'The token from the invitation link.',
      example: 'kZ1m3n0JqgX2f5b8r9YtWc7uV4sA6dE0hL2pQ1oN3iM',
    }),
});

export const InvitationPreviewSchema = z
  .object({
    email: z.string().openapi({ example: 'grace@acme-bank.example' }),
    tenant: z.object({ name: z.string().openapi({ example: 'Acme Bank' }) }),
    role: z.object({ name: z.string().openapi({ example: 'Developer' }) }),
    status: z.literal('pending'),
    expiresAt: timestamp,
  })
  .openapi('InvitationPreview');

export const AcceptedInvitationSchema = z
  .object({
    tenant: z.object({
      id: z.string().openapi({ example: 'ten_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
      name: z.string().openapi({ example: 'Acme Bank' }),
    }),
    role: RoleRefSchema,
    memberId: z.string().openapi({ example: 'mem_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
  })
  .openapi('AcceptedInvitation');
