import type { HttpBindings } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import { Hono, type MiddlewareHandler } from 'hono';
import { type Auth, CLIENT_IP_HEADER, roles } from './auth.js';
import { type Db, txStore } from './db.js';
import { auditEvent, authMember, authOrganizationRole, tenant, tenantMembership } from './schema.js';
import { uuidv7 } from './uuidv7.js';
import { sql } from 'drizzle-orm';

/** Same shape as Atrium's kernel Principal (src/kernel/http/route.ts). */
export interface Principal {
  kind: 'user' | 'api_key';
  id: string;
  tenantId: string | null;
  permissions: ReadonlySet<string>;
}
type Env = { Bindings: HttpBindings; Variables: { principal: Principal | undefined } };

/**
 * better-auth derives the client IP (rate-limit key, session.ipAddress) ONLY from request headers.
 * Behind no proxy there is none, so the mount overwrites a private header with the socket address.
 * (Spike only: `x-test-client-ip` simulates distinct clients from one machine.)
 */
function withClientIp(req: Request, env: HttpBindings | undefined): Request {
  const headers = new Headers(req.headers);
  const ip = req.headers.get('x-test-client-ip') ?? env?.incoming?.socket.remoteAddress ?? '';
  headers.set(CLIENT_IP_HEADER, ip);
  return new Request(req, { headers });
}

/** Expands a member's role list (comma-separated) into `resource:action` names. */
async function permissionsOf(db: Db, organizationId: string, roleList: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const role of roleList.split(',').map((r) => r.trim())) {
    let statements: Record<string, readonly string[]> | undefined = (roles as Record<string, { statements: Record<string, readonly string[]> }>)[role]?.statements;
    if (!statements) {
      const [row] = await db
        .select({ permission: authOrganizationRole.permission })
        .from(authOrganizationRole)
        .where(and(eq(authOrganizationRole.organizationId, organizationId), eq(authOrganizationRole.role, role)));
      statements = row ? JSON.parse(row.permission) : {};
    }
    for (const [resource, actions] of Object.entries(statements ?? {})) for (const a of actions) out.add(`${resource}:${a}`);
  }
  return out;
}

export function buildApp(auth: Auth, db: Db) {
  const app = new Hono<Env>();

  // 1) better-auth owns everything under its basePath.
  app.on(['GET', 'POST'], '/partner/auth/*', (c) => auth.handler(withClientIp(c.req.raw, c.env)));

  // 2) session → principal, only on guarded routes (Atrium's mountRoute would add it before authorize).
  const resolvePrincipal: MiddlewareHandler<Env> = async (c, next) => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (session) {
      const tenantId = session.session.activeOrganizationId ?? null;
      let permissions = new Set<string>();
      if (tenantId) {
        const [member] = await db
          .select({ role: authMember.role })
          .from(authMember)
          .where(and(eq(authMember.organizationId, tenantId), eq(authMember.userId, session.user.id)));
        if (member) permissions = await permissionsOf(db, tenantId, member.role);
      }
      c.set('principal', { kind: 'user', id: session.user.id, tenantId, permissions });
    }
    await next();
  };
  const requirePermission =
    (permission: string): MiddlewareHandler<Env> =>
    async (c, next) => {
      const p = c.get('principal');
      if (!p) return c.json({ code: 'unauthenticated' }, 401);
      if (!p.permissions.has(permission)) return c.json({ code: 'forbidden', permission }, 403);
      await next();
    };

  app.get('/partner/me', resolvePrincipal, requirePermission('logs:read'), (c) => {
    const p = c.get('principal')!;
    return c.json({ ...p, permissions: [...p.permissions].sort() });
  });
  app.post('/partner/keys', resolvePrincipal, requirePermission('keys:write'), (c) => c.json({ created: true }));

  /**
   * Atrium-owned self sign-up: better-auth creates user + account (+ verification mail row), Atrium
   * creates tenant + membership + audit row — all in ONE PostgreSQL transaction through the ambient db.
   */
  app.post('/partner/signup', async (c) => {
    const body = await c.req.json<{ email: string; password: string; name: string; tenantSlug: string }>();
    try {
      const out = await db.transaction((tx) =>
        txStore.run(tx, async () => {
          const res = await auth.api.signUpEmail({
            body: { email: body.email, password: body.password, name: body.name },
            headers: c.req.raw.headers,
          });
          const [{ txid }] = (await tx.execute(sql`select txid_current()::text as txid`)).rows as [{ txid: string }];
          const tenantId = uuidv7();
          await tx.insert(tenant).values({ id: tenantId, slug: body.tenantSlug, name: body.tenantSlug });
          await tx.insert(tenantMembership).values({ tenantId, userId: res.user.id, role: 'owner' });
          await tx.insert(auditEvent).values({ id: uuidv7(), tenantId, actorId: res.user.id, action: 'tenant.created', txid });
          return { userId: res.user.id, tenantId, txid };
        }),
      );
      return c.json(out, 201);
    } catch (e) {
      return c.json({ code: 'conflict', detail: (e as Error).message.slice(0, 120), cause: String((e as { cause?: unknown }).cause ?? '').slice(0, 120) }, 409);
    }
  });
  return app;
}
