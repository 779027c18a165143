import { createRoute } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, publicAccess, requirePermission } from './http/route.js';
import { defineModule, selectModules, validateRegistry } from './module.js';
import { defineJob } from './queue/jobs.js';

const route = (operationId: string, path: string, permission?: `${string}:${string}`) =>
  defineRoute({
    route: createRoute({ operationId, method: 'get', path, responses: { 200: { description: 'ok' } } }),
    access: permission ? requirePermission(permission) : publicAccess,
    handler: (c) => c.body(null, 200),
  });

const job = (name: string) =>
  defineJob({
    name,
    description: 'test',
    payload: z.object({}),
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    timeoutSeconds: 10,
    handle: async () => undefined,
  });

const base = { title: 'T', description: 'D' };

describe('module registry', () => {
  it('fills defaults for what a manifest leaves out', () => {
    const module = defineModule({ id: 'alpha', ...base });
    expect(module).toMatchObject({
      routes: [],
      jobs: [],
      nav: [],
      permissions: [],
      events: [],
      subscribers: [],
      tags: [],
    });
  });

  it('rejects a route tagged with an OpenAPI tag no module declares', () => {
    const tagged = defineRoute({
      route: createRoute({
        operationId: 'getTagged',
        method: 'get',
        path: '/t',
        tags: ['Things'],
        responses: { 200: { description: 'ok' } },
      }),
      access: publicAccess,
      handler: (c) => c.body(null, 200),
    });
    const module = defineModule({ id: 'a', ...base, routes: [tagged] });
    expect(() => validateRegistry([module])).toThrow(/undeclared OpenAPI tag Things/);
    const declared = defineModule({ ...module, tags: [{ name: 'Things', description: 'Things.' }] });
    expect(() => validateRegistry([declared])).not.toThrow();
  });

  it('rejects malformed ids and permission names', () => {
    expect(() => defineModule({ id: 'Alpha', ...base })).toThrow(/kebab-case/);
    expect(() =>
      defineModule({
        id: 'alpha',
        ...base,
        permissions: [{ name: 'read' as `${string}:${string}`, description: '', defaultRoles: [] }],
      }),
    ).toThrow(/resource:action/);
    expect(() => job('nodot')).toThrow(/module\.job-name/);
  });

  it('rejects duplicates across modules', () => {
    const a = defineModule({ id: 'a', ...base, routes: [route('getThing', '/a')], jobs: [job('a.run')] });
    expect(() => validateRegistry([a, defineModule({ id: 'a', ...base })])).toThrow(/duplicate module id/);
    expect(() =>
      validateRegistry([a, defineModule({ id: 'b', ...base, routes: [route('getThing', '/b')] })]),
    ).toThrow(/duplicate operationId: getThing/);
    expect(() => validateRegistry([a, defineModule({ id: 'b', ...base, jobs: [job('a.run')] })])).toThrow(
      /duplicate job name/,
    );
  });

  it('rejects a route needing a permission no module declares', () => {
    const module = defineModule({
      id: 'a',
      ...base,
      routes: [route('getSecret', '/secret', 'secrets:read')],
    });
    expect(() => validateRegistry([module])).toThrow(/undeclared permission secrets:read/);
    const declared = defineModule({
      ...module,
      permissions: [{ name: 'secrets:read', description: 'read', defaultRoles: ['owner'] }],
    });
    expect(() => validateRegistry([declared])).not.toThrow();
  });

  it('rejects a subscriber to an undeclared event', () => {
    const module = defineModule({
      id: 'a',
      ...base,
      subscribers: [{ name: 'a.on-thing', event: 'thing.happened', handle: async () => undefined }],
    });
    expect(() => validateRegistry([module])).toThrow(/undeclared event thing\.happened/);
  });

  it('selects enabled modules, always keeping system, and names unknown ones', () => {
    const all = ['system', 'alpha', 'beta'].map((id) => defineModule({ id, ...base }));
    expect(selectModules(all, undefined).map((m) => m.id)).toEqual(['system', 'alpha', 'beta']);
    expect(selectModules(all, 'beta').map((m) => m.id)).toEqual(['system', 'beta']);
    expect(() => selectModules(all, 'beta,gamma')).toThrow(/unknown modules: gamma/);
  });
});
