import { OpenAPIHono, type z } from '@hono/zod-openapi';

/**
 * The OpenAPI schema object of a zod schema, for a request body that must not be validated by
 * zod-openapi: given a zod schema, it would parse the whole body with `JSON.parse` and zod before
 * the handler runs, which is what a streamed statement avoids. Given this plain object, the
 * document is the same and the handler reads the stream itself.
 */
export function documentedSchema(name: string, schema: z.ZodType): Record<string, unknown> {
  const scratch = new OpenAPIHono();
  scratch.openAPIRegistry.register(name, schema);
  const document = scratch.getOpenAPI31Document({ openapi: '3.1.0', info: { title: name, version: '1' } });
  const object = document.components?.schemas?.[name];
  if (!object) throw new Error(`schema ${name} was not generated`);
  return object as Record<string, unknown>;
}
