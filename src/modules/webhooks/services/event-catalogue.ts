import { z } from 'zod';
import type { ModuleManifest } from '../../../kernel/module.js';

/** The event types of the enabled modules, sorted, with the JSON Schema of each one's data. */
export function eventCatalogue(modules: readonly ModuleManifest[]) {
  return modules
    .flatMap((module) =>
      module.events.map((event) => ({
        type: event.type,
        module: module.id,
        description: event.description,
        schema: z.toJSONSchema(event.schema, { io: 'output', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >,
        example: event.example,
      })),
    )
    .sort((a, b) => a.type.localeCompare(b.type));
}
