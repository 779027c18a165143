import { z } from '@hono/zod-openapi';

export const PROJECT_ID_EXAMPLE = 'prj_01jf8z6x3m4r5t6v7w8x9y0z1a';

const projectName = z.string().trim().min(1).max(100).openapi({
  description: 'Unique within the tenant, ignoring case.',
  example: 'Card issuing',
});

const projectDescription = z.string().trim().max(500).openapi({
  description: 'What the project is for; up to 500 characters.',
  example: 'Everything for the card-issuing integration.',
});

export const ProjectSchema = z
  .object({
    id: z.string().openapi({ example: PROJECT_ID_EXAMPLE }),
    name: z.string().openapi({ example: 'Card issuing' }),
    description: z.string().openapi({ example: 'Everything for the card-issuing integration.' }),
    appCount: z.number().int().openapi({ description: 'Apps in the project.', example: 2 }),
    createdAt: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
    updatedAt: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
  })
  .openapi('Project', { description: 'A group of apps, e.g. one integration or product line.' });

export const ProjectListSchema = z
  .object({ data: z.array(ProjectSchema) })
  .openapi('ProjectList', { description: 'Every project of the tenant, by name.' });

export const CreateProjectRequestSchema = z
  .object({ name: projectName, description: projectDescription.default('') })
  .openapi('CreateProjectRequest', {
    example: { name: 'Card issuing', description: 'Everything for the card-issuing integration.' },
  });

export const UpdateProjectRequestSchema = z
  .object({ name: projectName.optional(), description: projectDescription.optional() })
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    message: 'Give at least one of name and description.',
  })
  .openapi('UpdateProjectRequest', {
    description: 'The fields to change; the others keep their value.',
    example: { name: 'Card issuing (EU)' },
  });

export const ProjectIdParamsSchema = z.object({
  projectId: z.string().openapi({ param: { name: 'projectId', in: 'path' }, example: PROJECT_ID_EXAMPLE }),
});
