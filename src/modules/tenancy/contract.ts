import { z } from '@hono/zod-openapi';

export const TENANCY_PERMISSIONS = {
  projectsRead: 'projects:read',
  projectsWrite: 'projects:write',
  appsRead: 'apps:read',
  appsWrite: 'apps:write',
  settingsRead: 'settings:read',
  settingsManage: 'settings:manage',
  /** Operator console (operator roles only). */
  tenantsRead: 'tenants:read',
  tenantsManage: 'tenants:manage',
} as const;

export const TENANT_TYPES = ['bank', 'fintech', 'media', 'foundation', 'retailer', 'other'] as const;
export const TENANT_TIERS = ['free', 'growth', 'enterprise'] as const;
export type TenantTier = (typeof TENANT_TIERS)[number];

/**
 * What each tier allows until the billing module's plans take over: the gateway's per-tenant
 * request rate and how long request logs are kept.
 */
export const TIER_LIMITS: Record<TenantTier, { requestsPerMinute: number; logRetentionDays: number }> = {
  free: { requestsPerMinute: 600, logRetentionDays: 7 },
  growth: { requestsPerMinute: 3_000, logRetentionDays: 30 },
  enterprise: { requestsPerMinute: 12_000, logRetentionDays: 90 },
};
export const APP_ENVIRONMENTS = ['sandbox', 'production'] as const;

const organisationName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .openapi({ description: 'The partner organisation’s name.', example: 'Acme Bank' });

export const SignUpRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: 'Ada Lovelace' }),
    email: z.email().max(254).openapi({ example: 'ada@acme-bank.example' }),
    password: z
      .string()
      .min(10)
      .max(128)
      .openapi({ description: 'At least 10 characters.', example: 'correct horse battery' }),
    organisationName: organisationName.optional(),
    invitationToken: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'From an invitation link: join that tenant instead of creating one.' }),
  })
  .refine((body) => body.organisationName !== undefined || body.invitationToken !== undefined, {
    path: ['organisationName'],
    message: 'Name the organisation to create, or sign up through an invitation.',
  })
  .openapi('SignUpRequest');

export const SignUpResponseSchema = z
  .object({
    status: z.enum(['verification_sent', 'joined']).openapi({
      description:
        '`verification_sent`: a verification link went to the address (the answer is the same whether or not it already had an account). `joined`: the invitation was accepted and the account is ready to sign in.',
    }),
    email: z.string().openapi({ example: 'ada@acme-bank.example' }),
  })
  .openapi('SignUpResponse');

export const CreateTenantRequestSchema = z
  .object({
    name: organisationName,
    type: z.enum(TENANT_TYPES).default('other'),
  })
  .openapi('CreateTenantRequest');

export const MyTenantSchema = z
  .object({
    id: z.string().openapi({ example: 'ten_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
    name: z.string().openapi({ example: 'Acme Bank' }),
    type: z.enum(TENANT_TYPES),
    role: z.string().openapi({ description: 'Your role there.', example: 'Owner' }),
    active: z.boolean().openapi({ description: 'True for the tenant this session works in.' }),
  })
  .openapi('MyTenant');

export const MyTenantListSchema = z.object({ data: z.array(MyTenantSchema) }).openapi('MyTenantList');

export const TenantIdParamsSchema = z.object({
  tenantId: z
    .string()
    .openapi({ param: { name: 'tenantId', in: 'path' }, example: 'ten_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
});
