import type { HttpBindings } from '@hono/node-server';
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { AppServices } from '../context.js';
import type { PermissionName } from '../module.js';

/** How a caller proves who it is: a dashboard session (cookie) or an API key (Bearer). */
export type Credentials = 'session' | 'api_key';

/** Who is calling; resolved by the access and keys modules, absent for anonymous requests. */
export interface Principal {
  kind: 'user' | 'api_key';
  id: string;
  /** What the audit trail shows for this caller: an email address or a key's name. */
  label: string;
  /** The tenant the caller acts in: a session's active tenant, a key's tenant; null for none. */
  tenantId: string | null;
  /** Tenant permissions from the caller's role, plus operator permissions for operator staff. */
  permissions: ReadonlySet<string>;
  /** The session behind a signed-in user (for the tenant switcher and session listings). */
  sessionId?: string;
  /** Internal ids for the request log: the user, or the key and its app. */
  userId?: string;
  keyId?: string;
  appId?: string;
}

/**
 * What the request edge (see edge.ts) hands every request, as Hono bindings: the process's
 * services, the request id, and on Node the raw incoming/outgoing messages.
 */
export type RequestBindings = Partial<HttpBindings> & {
  services: AppServices;
  requestId: string;
  /** The matched route pattern, recorded by the mounted operation for metrics. */
  route?: string;
};

export type AppEnv = {
  Bindings: RequestBindings;
  Variables: {
    principal: Principal | undefined;
  };
};

/** Who may call an operation; `credentials` narrows it to one kind (the Public API: API keys). */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated'; credentials?: Credentials }
  | { kind: 'permission'; permission: PermissionName; credentials?: Credentials };

export const publicAccess: Access = { kind: 'public' };
/** Any signed-in caller, whatever its permissions (its own account, its own sessions). */
export const authenticatedAccess: Access = { kind: 'authenticated' };
export const requirePermission = (permission: PermissionName): Access => ({ kind: 'permission', permission });
/** The Public API (`/v1/*`): an API key, with `permission` among its scopes when given. */
export const requireApiKey = (permission?: PermissionName): Access =>
  permission
    ? { kind: 'permission', permission, credentials: 'api_key' }
    : { kind: 'authenticated', credentials: 'api_key' };

/** One API operation: its OpenAPI contract, the permission it needs and its handler. */
export interface RouteDefinition<R extends RouteConfig = RouteConfig> {
  /** Must carry an operationId; the registry refuses routes without one. */
  route: R;
  access: Access;
  handler: RouteHandler<R, AppEnv>;
  /**
   * This operation's own body limit in bytes, instead of `ATRIUM_BODY_LIMIT_BYTES`: for the few
   * operations that take bulk uploads (statements). Everything else keeps the small default.
   */
  bodyLimitBytes?: number;
}

// The registry holds routes of many shapes; each is type-checked where it is defined.
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous collection of typed routes
export type AnyRouteDefinition = RouteDefinition<any>;

export function defineRoute<R extends RouteConfig>(definition: RouteDefinition<R>): RouteDefinition<R> {
  return definition;
}
