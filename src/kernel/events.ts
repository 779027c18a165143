import type { z } from 'zod';
import type { EventDefinition } from './module.js';

/** Every event type defined in this process, so an emitter can be checked without the registry. */
const defined = new Map<string, EventDefinition>();

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * An event type a module emits: `resource.verb` in snake case, a description, the zod schema of its
 * `data` and an example (both shown in the event catalogue). List it in the module's manifest
 * `events` too; the webhooks module's `emitEvent` validates `data` against the schema.
 */
export function defineEvent<S extends z.ZodType>(
  definition: EventDefinition & { schema: S; example: z.input<S> },
): EventDefinition & { schema: S } {
  if (!EVENT_TYPE.test(definition.type)) {
    throw new Error(`event type "${definition.type}" must be resource.verb in snake_case`);
  }
  defined.set(definition.type, definition);
  return definition;
}

/** The definition of an event type, or undefined when no module defined it. */
export function findEventDefinition(type: string): EventDefinition | undefined {
  return defined.get(type);
}
