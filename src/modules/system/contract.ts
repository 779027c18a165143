import { z } from '@hono/zod-openapi';

export const SYSTEM_PERMISSIONS = {
  read: 'system:read',
} as const;

export const ModuleSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'system' }),
    title: z.string().openapi({ example: 'System' }),
    description: z.string().openapi({ example: 'Version, database and modules of this Atrium instance.' }),
  })
  .openapi('ModuleSummary');

export const SystemInfoSchema = z
  .object({
    version: z.string().openapi({ example: '0.1.0' }),
    environment: z.enum(['development', 'production', 'test']),
    role: z.enum(['all', 'api', 'worker']).openapi({ description: 'Process role answering this request.' }),
    nodeVersion: z.string().openapi({ example: 'v20.20.2' }),
    startedAt: z.iso.datetime().openapi({ example: '2026-11-21T12:00:00.000Z' }),
    installedAt: z.iso.datetime().nullable().openapi({ example: '2026-11-20T09:30:00.000Z' }),
    database: z.object({
      version: z.string().openapi({ example: 'PostgreSQL 18.0 on x86_64-pc-linux-gnu' }),
      embedded: z.boolean().openapi({ description: 'True when Atrium runs its embedded PostgreSQL.' }),
    }),
    worker: z.object({
      lastHeartbeatAt: z.iso
        .datetime()
        .nullable()
        .openapi({ description: 'Last time a worker process ran its scheduled heartbeat job.' }),
    }),
    modules: z.array(ModuleSummarySchema),
  })
  .openapi('SystemInfo');

export const NavigationItemSchema = z
  .object({
    id: z.string().openapi({ example: 'system' }),
    title: z.string().openapi({ example: 'System' }),
    path: z.string().openapi({ example: '/system' }),
    icon: z.string().openapi({ example: 'server', description: 'lucide icon name (kebab-case).' }),
    description: z.string(),
  })
  .openapi('NavigationItem');

export const NavigationSchema = z
  .object({
    sections: z.array(
      z.object({
        id: z.string().openapi({ example: 'platform' }),
        title: z.string().openapi({ example: 'Platform' }),
        items: z.array(NavigationItemSchema),
      }),
    ),
  })
  .openapi('Navigation');

export const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({
      database: z.enum(['ok', 'unreachable']),
      migrations: z.enum(['current', 'pending', 'unknown']),
    }),
  })
  .openapi('Readiness');
