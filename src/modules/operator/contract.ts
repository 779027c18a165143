import { z } from '@hono/zod-openapi';
import { TENANT_TIERS as tenantTiers, TENANT_TYPES as tenantTypes } from '../tenancy/contract.js';

export const OPERATOR_PERMISSIONS = {
  mailboxRead: 'mailbox:read',
} as const;

const tenantStatuses = ['active', 'suspended'] as const;

export const OperatorTenantQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'Matches name or contact email.', example: 'acme' }),
  type: z.enum(tenantTypes).optional(),
  tier: z.enum(tenantTiers).optional(),
  status: z.enum(tenantStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const OperatorTenantSchema = z
  .object({
    id: z.string().openapi({ example: 'ten_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
    name: z.string().openapi({ example: 'Acme Bank' }),
    type: z.enum(tenantTypes),
    tier: z.enum(tenantTiers),
    status: z.enum(tenantStatuses),
    contactEmail: z.string().nullable().openapi({ example: 'ops@acme-bank.example' }),
    members: z.number().int().openapi({ example: 6 }),
    owners: z
      .array(z.string())
      .openapi({ description: 'Email addresses of its Owners.', example: ['ada@acme-bank.example'] }),
    pendingInvitations: z.number().int().openapi({ example: 1 }),
    createdAt: z.iso.datetime().openapi({ example: '2026-11-21T12:00:00.000Z' }),
  })
  .openapi('OperatorTenant');

export const OperatorTenantListSchema = z
  .object({ data: z.array(OperatorTenantSchema), total: z.number().int() })
  .openapi('OperatorTenantList');

export const CreateOperatorTenantRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    type: z.enum(tenantTypes).default('other'),
    tier: z.enum(tenantTiers).default('free'),
    ownerEmail: z.email().max(254).openapi({ description: 'Invited as the tenant’s first Owner.' }),
  })
  .openapi('CreateOperatorTenantRequest', {
    example: { name: 'Acme Bank', type: 'bank', tier: 'growth', ownerEmail: 'ada@acme-bank.example' },
  });

export const MailboxMessageSchema = z
  .object({
    id: z.string(),
    receivedAt: z.iso.datetime(),
    from: z.string().openapi({ example: 'Atrium <no-reply@atrium.local>' }),
    to: z.string().openapi({ example: 'ada@acme-bank.example' }),
    subject: z.string().openapi({ example: 'You are invited to Acme Bank on Atrium' }),
    text: z.string(),
  })
  .openapi('MailboxMessage');

export const MailboxQuerySchema = z.object({
  to: z
    .string()
    .trim()
    .max(254)
    .optional()
    .openapi({ description: 'Only mail to addresses containing this.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MailboxSchema = z
  .object({
    delivery: z.enum(['smtp', 'mailbox']).openapi({
      description: '`smtp` when SMTP_URL is set (then nothing lands here), `mailbox` otherwise.',
    }),
    data: z.array(MailboxMessageSchema),
  })
  .openapi('Mailbox');
