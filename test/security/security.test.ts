import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/kernel/http/actor.js';
import type { AnyRouteDefinition } from '../../src/kernel/http/route.js';
import { ID_PREFIXES, type IdKind, toPublicId } from '../../src/kernel/ids/public-id.js';
import { uuidv7 } from '../../src/kernel/ids/uuidv7.js';
import { grantOperatorRole } from '../../src/modules/access/index.js';
import { allModules } from '../../src/modules/registry.js';
import { type CallOptions, call, signUpAndSignIn, type TestAccount } from '../harness/accounts.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';
import { crossTenantFixtures, type VictimTenant } from './fixtures.js';

/**
 * The shared security suite (DESIGN §4.9): every route every module registers, checked for the
 * same four refusals. Routes are read from the registry, so a new route is covered the moment it
 * exists; a route the suite cannot exercise fails here instead of being skipped.
 */
const routes = allModules.flatMap((module) => module.routes);
const guarded = routes.filter((route) => route.access.kind !== 'public');
const permissioned = routes.filter((route) => route.access.kind === 'permission');
const withBody = routes.filter((route) => route.route.request?.body);
const withParams = guarded.filter((route) => pathParams(route).length > 0);
/** Public API operations take API keys only: the suite calls them with keys instead of sessions. */
const byKey = (route: AnyRouteDefinition) =>
  route.access.kind !== 'public' && route.access.credentials === 'api_key';
const publicApiScopes = [
  ...new Set(
    routes.flatMap((route) =>
      byKey(route) && route.access.kind === 'permission' ? [route.access.permission] : [],
    ),
  ),
];

let t: TestApp;
let owner: TestAccount;
/** Operator staff with every operator permission, for operations only operator roles may call. */
let operatorAdmin: TestAccount;
let powerless: TestAccount;
let suspended: TestAccount;
/** Keys of the attacker's tenant: every Public API scope, and none of them; one of the suspended tenant. */
let ownerKey: CallOptions;
let scopelessKey: CallOptions;
let suspendedKey: CallOptions;
let victim: VictimTenant;
const victimIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpAndSignIn(t, 'owner@attacker.example');
  operatorAdmin = await signUpAndSignIn(t, 'admin@operator.example', { organisationName: null });
  await grantOperatorRole(t.services, {
    userId: operatorAdmin.userId,
    userLabel: operatorAdmin.email,
    role: 'operator_admin',
    actor: systemActor('security suite'),
  });
  // A member whose custom role grants nothing: every permission route must refuse them.
  powerless = await signUpAndSignIn(t, 'powerless@attacker.example', { organisationName: null });
  await t.services.pool.query(
    `WITH tenant AS (SELECT tenant_id FROM memberships WHERE user_id = $1),
          role AS (INSERT INTO roles (id, tenant_id, key, name, built_in, permissions)
                   SELECT $3, tenant_id, 'nothing', 'Nothing', false, '{}' FROM tenant RETURNING id, tenant_id)
     INSERT INTO memberships (id, tenant_id, user_id, role_id) SELECT $4, tenant_id, $2, id FROM role`,
    [owner.userId, powerless.userId, uuidv7(), uuidv7()],
  );
  // The Owner of a suspended tenant: its role counts for nothing while the tenant is suspended.
  suspended = await signUpAndSignIn(t, 'owner@suspended.example');
  suspendedKey = await apiKeyOf(suspended, publicApiScopes);
  ownerKey = await apiKeyOf(owner, publicApiScopes);
  scopelessKey = await apiKeyOf(owner, ['apps:read']);
  await t.services.pool.query(
    `UPDATE tenants SET status = 'suspended' WHERE id = (SELECT tenant_id FROM memberships WHERE user_id = $1)`,
    [suspended.userId],
  );
  const victimOwner = await signUpAndSignIn(t, 'owner@victim.example');
  const { rows } = await t.services.pool.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM memberships WHERE user_id = $1',
    [victimOwner.userId],
  );
  victim = { t, owner: victimOwner, tenantId: rows[0]?.tenant_id as string };
});
afterAll(async () => t?.close());

/** A key of the account's tenant (in one app per tenant) with these scopes, as call options. */
const suiteApps = new Map<string, string>();
async function apiKeyOf(account: TestAccount, scopes: string[]): Promise<CallOptions> {
  const post = async (path: string, body: unknown) =>
    (await (await call(t, 'POST', path, body, account)).json()) as { id: string; secret: string };
  let appId = suiteApps.get(account.email);
  if (!appId) {
    const project = await post('/partner/projects', { name: 'Security suite' });
    appId = (
      await post('/partner/apps', { projectId: project.id, name: 'Security suite', environment: 'sandbox' })
    ).id;
    suiteApps.set(account.email, appId);
  }
  const key = await post('/partner/api-keys', { appId, label: `Security suite ${scopes.join(' ')}`, scopes });
  if (!key.secret) throw new Error(`no key for ${account.email}: ${JSON.stringify(key)}`);
  return { headers: { authorization: `Bearer ${key.secret}` } };
}

function pathParams(route: AnyRouteDefinition): string[] {
  return [...(route.route.path as string).matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/** A well-formed id of the parameter's kind that names nothing: `appId` → `app_…`. */
function placeholderFor(param: string): string {
  const kind = param.replace(/Id$/, '') as IdKind;
  return kind in ID_PREFIXES ? toPublicId(kind, uuidv7()) : 'nonexistent-token';
}

function pathWith(route: AnyRouteDefinition, value: (param: string) => string): string {
  return (route.route.path as string).replace(/\{(\w+)\}/g, (_, param: string) =>
    encodeURIComponent(value(param)),
  );
}

/** `{}` where the route takes a body: enough to get past content-type checks to authorization. */
const emptyBody = (route: AnyRouteDefinition) => (route.route.request?.body ? {} : undefined);

let openApi: Promise<OpenApiDocument> | undefined;

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: SchemaObject }> } }>
  >;
  components?: { schemas?: Record<string, SchemaObject> };
}
type SchemaObject = { $ref?: string; example?: unknown };

/** The example the OpenAPI document gives for a route's JSON body (on the schema or its $ref). */
async function documentedExample(route: AnyRouteDefinition): Promise<unknown> {
  openApi ??= t.request('/openapi.json').then((response) => response.json() as Promise<OpenApiDocument>);
  const document = await openApi;
  const schema =
    document.paths[route.route.path]?.[route.route.method]?.requestBody?.content['application/json']?.schema;
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  const name = schema.$ref?.split('/').pop();
  return name ? document.components?.schemas?.[name]?.example : undefined;
}

const operatorPermissions = new Set<string>(
  allModules.flatMap((module) => module.permissions.filter((p) => p.scope === 'operator').map((p) => p.name)),
);

/** A caller the route's access check lets through: operator staff for operator permissions, else a tenant Owner. */
function entitled(route: AnyRouteDefinition): CallOptions {
  const { access } = route;
  if (byKey(route)) return ownerKey;
  return access.kind === 'permission' && operatorPermissions.has(access.permission) ? operatorAdmin : owner;
}

const label = (route: AnyRouteDefinition) => `${route.route.method.toUpperCase()} ${route.route.path}`;

describe('shared security suite', () => {
  it('sees the registered routes', () => {
    expect(guarded.length).toBeGreaterThan(0);
    expect(permissioned.length).toBeGreaterThan(0);
  });

  describe.each(guarded.map((route) => [label(route), route] as const))('%s', (_, route) => {
    it('answers 401 without credentials and with a forged session', async () => {
      const path = pathWith(route, placeholderFor);
      const anonymous = await call(t, route.route.method.toUpperCase(), path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      const forged = await call(t, route.route.method.toUpperCase(), path, undefined, {
        cookie: 'atrium.session_token=forged.signature',
      });
      expect(forged.status).toBe(401);
    });
  });

  describe.each(permissioned.map((route) => [label(route), route] as const))('%s', (_, route) => {
    it('answers 403 to a member whose role lacks the permission, and to a suspended tenant', async () => {
      const path = pathWith(route, placeholderFor);
      const method = route.route.method.toUpperCase();
      if (byKey(route)) {
        // A key without the scope is known but not allowed; a suspended tenant's key is not accepted at all.
        const scopeless = await call(t, method, path, emptyBody(route), scopelessKey);
        expect(scopeless.status).toBe(403);
        expect(((await scopeless.json()) as { code: string }).code).toBe('forbidden');
        expect((await call(t, method, path, emptyBody(route), suspendedKey)).status).toBe(401);
        return;
      }
      for (const account of [powerless, suspended]) {
        const response = await call(t, method, path, emptyBody(route), account);
        expect(response.status, account.email).toBe(403);
        expect(((await response.json()) as { code: string }).code).toBe('forbidden');
      }
    });
  });

  describe.each(withBody.map((route) => [label(route), route] as const))('%s', (_, route) => {
    it('answers 400 problem+json to a malformed body and to a body of the wrong shape', async () => {
      const path = pathWith(route, placeholderFor);
      const method = route.route.method.toUpperCase();
      const malformed = await t.request(path, {
        method,
        headers: {
          'content-type': 'application/json',
          origin: `http://localhost:${t.services.config.PORT}`,
          ...(entitled(route).cookie ? { cookie: entitled(route).cookie as string } : {}),
          ...entitled(route).headers,
        },
        body: '{"unterminated": ',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toContain('application/problem+json');
      const wrongShape = await call(t, method, path, [42], entitled(route));
      expect(wrongShape.status).toBe(400);
    });
  });

  describe.each(withParams.map((route) => [label(route), route] as const))('%s', (_, route) => {
    it('answers 404 when the id belongs to another tenant', async () => {
      for (const param of pathParams(route)) {
        const fixture = crossTenantFixtures[param];
        expect(
          fixture,
          `no cross-tenant fixture for path parameter "${param}" (test/security/fixtures.ts)`,
        ).toBeDefined();
        if (!victimIds.has(param))
          victimIds.set(param, await (fixture as NonNullable<typeof fixture>)(victim));
      }
      const path = pathWith(route, (param) => victimIds.get(param) as string);
      const method = route.route.method.toUpperCase();
      let response = await call(t, method, path, emptyBody(route), owner);
      if (response.status === 400 && route.route.request?.body) {
        // `{}` is not a valid body here: send the documented example, which must be valid.
        const example = await documentedExample(route);
        expect(example, `${label(route)}: give its request body schema an OpenAPI example`).toBeDefined();
        response = await call(t, method, path, example, owner);
      }
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });
});
