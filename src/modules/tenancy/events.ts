import { z } from 'zod';
import { defineEvent } from '../../kernel/events.js';

const appData = z.object({
  id: z.string().describe('The app’s id (`app_…`).'),
  projectId: z.string(),
  name: z.string(),
  environment: z.enum(['sandbox', 'production']),
});

const example = {
  id: 'app_01jf8z7k2n3p4q5r6s7t8v9w0x',
  projectId: 'prj_01jf8z5m2n3p4q5r6s7t8v9w0x',
  name: 'Issuing backend',
  environment: 'sandbox' as const,
};

export const appCreatedEvent = defineEvent({
  type: 'app.created',
  description: 'An app was created. Sent to every endpoint of the tenant (the new app has none yet).',
  schema: appData,
  example,
});

export const appUpdatedEvent = defineEvent({
  type: 'app.updated',
  description:
    'An app’s name, description, environment, IP allowlist or settings changed; `changed` names the fields.',
  schema: appData.extend({ changed: z.array(z.string()) }),
  example: { ...example, changed: ['name'] },
});

export const appDeletedEvent = defineEvent({
  type: 'app.deleted',
  description:
    'An app was deleted, with its keys and webhook endpoints. Sent to every other endpoint of the tenant.',
  schema: appData,
  example,
});

export const tenancyEvents = [appCreatedEvent, appUpdatedEvent, appDeletedEvent];
