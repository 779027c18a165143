import { z } from '@hono/zod-openapi';
import { TENANT_TIERS, TENANT_TYPES } from '../contract.js';
import { checkLogo, MAX_LOGO_BYTES } from '../services/logo.js';

const nullableText = (max: number, example: string, description?: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .nullable()
    .openapi({ example, ...(description ? { description } : {}) });

// Base64 grows data by a third; the exact limit is checked on the decoded bytes.
const MAX_LOGO_CHARS = Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 64;

const logo = z
  .string()
  .max(MAX_LOGO_CHARS, 'The image is larger than 256 KB.')
  .superRefine((value, context) => {
    if (value.length > MAX_LOGO_CHARS) return; // already reported, once is enough
    const checked = checkLogo(value);
    if (!checked.ok) context.addIssue({ code: 'custom', message: checked.message });
  })
  .nullable()
  .openapi({
    description:
      'A `data:` URL (base64) of a PNG, JPEG, SVG or WebP image of at most 256 KB; the bytes must match the type. SVGs with scripts, event handlers or outside references are refused. Null removes the logo.',
    example: 'data:image/png;base64,iVBORw0KGgo…',
  });

const brandColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour as #rrggbb.')
  .nullable()
  .openapi({
    description: 'Used in the tenant’s reports and exports; stored lowercase.',
    example: '#0a7cff',
  });

const ContactSchema = z
  .object({
    name: nullableText(100, 'Ada Lovelace'),
    email: z.email().max(254).nullable().openapi({ example: 'partners@acme-bank.example' }),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()./-]{2,29}$/, 'Expected a phone number: digits, spaces and + ( ) . / -')
      .nullable()
      .openapi({ example: '+44 20 7946 0000' }),
  })
  .openapi('TenantContact', { description: 'Who the operator contacts about the partnership.' });

export const TenantProfileSchema = z
  .object({
    id: z.string().openapi({ example: 'ten_01jf8z6x3m4r5t6v7w8x9y0z1a' }),
    name: z.string().openapi({ example: 'Acme Bank' }),
    type: z.enum(TENANT_TYPES),
    tier: z.enum(TENANT_TIERS).openapi({ description: 'Set by the operator; read-only here.' }),
    contact: ContactSchema,
    address: z.string().nullable().openapi({ example: '1 Market Street\nLondon EC1A 1AA\nUnited Kingdom' }),
    taxId: z.string().nullable().openapi({ example: 'GB123456789' }),
    logo: z.string().nullable().openapi({ description: 'A data URL, or null.' }),
    brandColor: z.string().nullable().openapi({ example: '#0a7cff' }),
    createdAt: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
    updatedAt: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
  })
  .openapi('TenantProfile', { description: 'The organisation as it appears in reports and exports.' });

export const UpdateTenantProfileRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional().openapi({ example: 'Acme Bank' }),
    type: z.enum(TENANT_TYPES).optional(),
    contact: ContactSchema.partial().optional().openapi({
      description: 'The contact fields to change; null clears one.',
    }),
    address: nullableText(
      500,
      '1 Market Street\nLondon EC1A 1AA',
      'Postal address, several lines.',
    ).optional(),
    taxId: nullableText(50, 'GB123456789', 'VAT or other tax number.').optional(),
    logo: logo.optional(),
    brandColor: brandColor.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Give at least one field to change.',
  })
  .openapi('UpdateTenantProfileRequest', {
    description:
      'The fields to change; the others keep their value, and null clears an optional one. The tier is the operator’s to set and is not accepted here.',
    example: { contact: { name: 'Ada Lovelace', phone: '+44 20 7946 0000' }, brandColor: '#0a7cff' },
  });
