import { z } from '@hono/zod-openapi';
import { problemCatalog } from './problem.js';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation-failed' }),
    title: z.string().openapi({ example: 'The request is not valid' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: 'body.name: Too small: expected string to have >=1 characters' }),
    code: z.enum(Object.keys(problemCatalog) as [keyof typeof problemCatalog]),
    requestId: z.string().openapi({ example: 'req_01J9Z7Q3K8W2' }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Field-level failures, for validation errors.' }),
    reason: z.string().optional().openapi({
      description: 'A finer, stable cause within `code`, where there is one.',
      example: 'INVALID_EMAIL_OR_PASSWORD',
    }),
  })
  .openapi('Problem', {
    description: 'An RFC 9457 problem document; every error Atrium returns has this shape.',
  });

export function problemContent(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}
