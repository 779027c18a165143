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
