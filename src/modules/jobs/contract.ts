import { z } from '@hono/zod-openapi';

export const JOBS_PERMISSIONS = {
  jobsRead: 'jobs:read',
} as const;

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_ID_EXAMPLE = 'job_01jf8z9a2b3c4d5e6f7g8h9j0k';
const timestamp = z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' });

export const JobRunSchema = z
  .object({
    id: z.string().openapi({ example: JOB_ID_EXAMPLE }),
    kind: z.string().openapi({ description: 'What kind of work.', example: 'logs.export' }),
    title: z.string().openapi({ example: 'Request log export (CSV)' }),
    state: z.enum(JOB_STATES).openapi({ example: 'running' }),
    progress: z.number().int().min(0).max(100).openapi({ description: 'Percent done.', example: 40 }),
    error: z.string().nullable().openapi({ description: 'Why it failed.', example: null }),
    createdBy: z.string().nullable().openapi({
      description: 'The user who started it; null for system work.',
      example: 'usr_01jf8z7k2n3p4q5r6s7t8v9w0x',
    }),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .openapi('JobRun', { description: 'A piece of long work of your tenant, with its state and progress.' });

export const JobRunListSchema = z
  .object({
    data: z.array(JobRunSchema),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `cursor` for the next (older) page; null on the last page.',
      example: null,
    }),
  })
  .openapi('JobRunList', { description: 'Job runs, newest first.' });

export const JobRunListQuerySchema = z.object({
  state: z
    .enum(JOB_STATES)
    .optional()
    .openapi({ description: 'Only runs in this state.', example: 'running' }),
  cursor: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
});

export const JobIdParamsSchema = z.object({
  jobId: z.string().openapi({ param: { name: 'jobId', in: 'path' }, example: JOB_ID_EXAMPLE }),
});
