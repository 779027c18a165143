import { z } from '@hono/zod-openapi';
import { APP_ENVIRONMENTS } from '../contract.js';
import { parseCidr } from '../services/cidr.js';
import { PROJECT_ID_EXAMPLE, ProjectSchema } from './projects.js';

export const APP_ID_EXAMPLE = 'app_01jf8z7k2n3p4q5r6s7t8v9w0x';
export const MAX_ALLOWLIST_ENTRIES = 100;
export const MAX_SETTINGS_BYTES = 16 * 1024;

const appName = z.string().trim().min(1).max(100).openapi({
  description: 'Unique within its project, ignoring case.',
  example: 'Issuing backend',
});

const appDescription = z.string().trim().max(500).openapi({
  description: 'What the app does; up to 500 characters.',
  example: 'Our server that issues and manages cards.',
});

const environment = z.enum(APP_ENVIRONMENTS).openapi({
  description: '`sandbox` for tests with fake data, `production` for live traffic.',
  example: 'sandbox',
});

/**
 * Each entry is checked here, so one 400 lists every bad entry by index (`body.ipAllowlist.3`);
 * the service stores the canonical form.
 */
const ipAllowlist = z
  .array(z.string().max(64))
  .max(MAX_ALLOWLIST_ENTRIES)
  .superRefine((entries, context) => {
    for (const [index, entry] of entries.entries()) {
      const parsed = parseCidr(entry);
      if (!parsed.ok) context.addIssue({ code: 'custom', path: [index], message: parsed.message });
    }
  })
  .openapi({
    description: `Addresses or CIDR blocks (IPv4 or IPv6) allowed to call with this app's keys; empty allows every address. Stored in canonical form: lowercase, the network address, a bare address as /32 or /128, duplicates removed. Host bits set after the prefix are refused. At most ${MAX_ALLOWLIST_ENTRIES} entries.`,
    example: ['203.0.113.0/24', '2001:db8::/32'],
  });

const settings = z
  .record(z.string(), z.unknown())
  .refine((value) => new TextEncoder().encode(JSON.stringify(value)).length <= MAX_SETTINGS_BYTES, {
    message: `Settings must serialise to at most ${MAX_SETTINGS_BYTES} bytes of JSON.`,
  })
  .openapi({
    description: `Free-form JSON object for the integration's own use, up to ${MAX_SETTINGS_BYTES / 1024} KB serialised.`,
    example: { callbackUrl: 'https://issuing.acme-bank.example/atrium', retries: 3 },
  });

export const AppSchema = z
  .object({
    id: z.string().openapi({ example: APP_ID_EXAMPLE }),
    project: z.object({
      id: z.string().openapi({ example: PROJECT_ID_EXAMPLE }),
      name: z.string().openapi({ example: 'Card issuing' }),
    }),
    name: z.string().openapi({ example: 'Issuing backend' }),
    description: z.string().openapi({ example: 'Our server that issues and manages cards.' }),
    environment,
    ipAllowlist: z.array(z.string()).openapi({ example: ['203.0.113.0/24', '2001:db8::/32'] }),
    settings: z.record(z.string(), z.unknown()).openapi({ example: { retries: 3 } }),
    createdAt: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
    updatedAt: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
  })
  .openapi('App', { description: 'A client of the API inside a project, in one environment.' });

export const AppListSchema = z
  .object({
    data: z.array(AppSchema),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `cursor` for the next page; null on the last page.',
      example: APP_ID_EXAMPLE,
    }),
  })
  .openapi('AppList', { description: 'Apps, newest first.' });

export const AppListQuerySchema = z.object({
  projectId: z
    .string()
    .optional()
    .openapi({ description: 'Only this project’s apps.', example: PROJECT_ID_EXAMPLE }),
  environment: environment.optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'Part of the name, any case.', example: 'issuing' }),
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ example: 50 }),
  cursor: z.string().optional().openapi({ description: 'From the previous page’s `nextCursor`.' }),
});

export const CreateAppRequestSchema = z
  .object({
    projectId: z.string().openapi({ example: PROJECT_ID_EXAMPLE }),
    name: appName,
    description: appDescription.default(''),
    environment,
    ipAllowlist: ipAllowlist.default([]),
    settings: settings.default({}),
  })
  .openapi('CreateAppRequest', {
    example: {
      projectId: PROJECT_ID_EXAMPLE,
      name: 'Issuing backend',
      description: 'Our server that issues and manages cards.',
      environment: 'sandbox',
      ipAllowlist: ['203.0.113.0/24'],
      settings: { retries: 3 },
    },
  });

export const UpdateAppRequestSchema = z
  .object({
    name: appName.optional(),
    description: appDescription.optional(),
    environment: environment.optional(),
    ipAllowlist: ipAllowlist.optional(),
    settings: settings.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Give at least one field to change.',
  })
  .openapi('UpdateAppRequest', {
    description:
      'The fields to change; the others keep their value. `ipAllowlist` and `settings` are replaced whole.',
    example: { ipAllowlist: ['203.0.113.0/24', '2001:db8::/32'] },
  });

export const AppIdParamsSchema = z.object({
  appId: z.string().openapi({ param: { name: 'appId', in: 'path' }, example: APP_ID_EXAMPLE }),
});

export const AppOverviewSchema = z
  .object({
    app: AppSchema,
    project: ProjectSchema,
    activity: z
      .object({
        from: z.iso.datetime().openapi({ example: '2025-01-08T09:30:00.000Z' }),
        to: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
        changes: z.number().int().openapi({
          description: 'Audit events about this app in the window (edits, allowlist and settings changes).',
          example: 3,
        }),
        traffic: z
          .object({
            source: z.enum(['request_log', 'not_collected']).openapi({
              description:
                '`request_log`: calls and errors (4xx and 5xx) come from the request log. `not_collected`: the request log module is disabled, so the figures are 0 and mean nothing.',
            }),
            calls: z.number().int().openapi({ example: 0 }),
            errors: z.number().int().openapi({ example: 0 }),
          })
          .openapi({
            description:
              'API calls made with the app’s keys, and the failed ones, in the window. Webhook deliveries are on the app’s Webhooks tab.',
          }),
      })
      .openapi({ description: 'The last 7 days.' }),
  })
  .openapi('AppOverview');
