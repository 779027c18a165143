import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { ConfigError } from './config.js';
import type { AppServices } from './context.js';
import type { AnyRouteDefinition, AppEnv, Credentials, Principal } from './http/route.js';
import type { AnyJobDefinition } from './queue/jobs.js';

export type PermissionName = `${string}:${string}`;

export interface PermissionDefinition {
  name: PermissionName;
  description: string;
  /**
   * `tenant` (the default): granted by a tenant role, can go into custom roles. `operator`:
   * granted only by the operator roles, for the cross-tenant operator console.
   */
  scope?: 'tenant' | 'operator';
  /** Built-in roles that get this permission by default (tenant or operator roles per scope). */
  defaultRoles: readonly string[];
}

export interface EventDefinition {
  type: string;
  description: string;
  schema: z.ZodType;
  example: unknown;
}

export interface SubscriberDefinition {
  /** Stable name, used to record which subscriber has handled which event. */
  name: string;
  event: string;
  handle: (payload: unknown, services: AppServices) => Promise<void>;
}

export interface NavEntry {
  section: { id: string; title: string; order: number };
  id: string;
  title: string;
  path: string;
  /** lucide icon name, kebab-case. */
  icon: string;
  description: string;
  order: number;
  permission?: PermissionName;
}

/** An OpenAPI tag the module's routes use, with the description the API reference shows. */
export interface ApiTag {
  name: string;
  description: string;
}

/**
 * A handler outside the OpenAPI contract, for a library that serves its own endpoints (the
 * authentication library's sign-in flows). Prefer `routes`: these get no validation or docs.
 */
export interface RawHandler {
  methods: readonly ('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[];
  /** Hono path; may end with `/*`. */
  path: string;
  handle: (c: Context<AppEnv>) => Response | Promise<Response>;
}

/** Tells who is calling from the request (session cookie, API key, …), or undefined. */
export interface Authenticator {
  /** What it reads: the Public API (`/v1/*`) accepts API keys only. */
  credentials: Credentials;
  /** May answer synchronously (from a cache): the access check then awaits nothing. */
  authenticate: (c: Context<AppEnv>) => Principal | undefined | Promise<Principal | undefined>;
}

/**
 * Runs once the caller is known, before the permission check: refuses the request by throwing a
 * ProblemError (an IP outside the app's allowlist, a spent rate limit) or lets it through. It may
 * set response headers with `c.header` (they reach the final response, refusals included).
 */
export type Gate = (c: Context<AppEnv>, principal: Principal) => void | Promise<void>;

/**
 * Middleware a module adds around other modules' operations. `outer` layers run first, before
 * authentication, and see the final response (the request log); `inner` layers run once access is
 * granted, right before the handler (idempotency). `applies` picks the operations, once at mount.
 */
export interface RouteLayer {
  name: string;
  stage: 'outer' | 'inner';
  applies: (route: AnyRouteDefinition) => boolean;
  middleware: MiddlewareHandler<AppEnv>;
}

/** What a module's `start` returns: process-lifetime work to stop on shutdown. */
export interface ModuleRuntime {
  stop: () => Promise<void>;
}

/** One of the demo world's tenants (SPEC §7), created before any module's seeder runs. */
export interface DemoTenant {
  id: string;
  name: string;
  /** Which domain module family it showcases. */
  family: 'intelligence' | 'workloads' | 'sponsorship' | 'integration';
  owner: { userId: string; email: string };
}

/** What the demo world's core (users, tenants, roles) hands each module's seeder. */
export interface DemoWorld {
  tenants: readonly DemoTenant[];
}

export interface DemoSeeder {
  /** Lower runs first; modules that others build on seed early. */
  order: number;
  seed: (services: AppServices, world: DemoWorld) => Promise<void>;
}

export interface ModuleManifest {
  id: string;
  title: string;
  description: string;
  routes: readonly AnyRouteDefinition[];
  jobs: readonly AnyJobDefinition[];
  subscribers: readonly SubscriberDefinition[];
  permissions: readonly PermissionDefinition[];
  events: readonly EventDefinition[];
  nav: readonly NavEntry[];
  tags: readonly ApiTag[];
  handlers: readonly RawHandler[];
  authenticators: readonly Authenticator[];
  gates: readonly Gate[];
  layers: readonly RouteLayer[];
  /**
   * Process-lifetime work (caches, write buffers, listeners), started in registry order once the
   * database, queue and notifier are up, in every role, and stopped in reverse order before they
   * close. Per-process state belongs in a WeakMap keyed by the services object.
   */
  start?: (services: AppServices) => Promise<ModuleRuntime | undefined>;
  demo?: DemoSeeder;
}

export type ModuleSummary = Pick<ModuleManifest, 'id' | 'title' | 'description'>;

type ModuleInput = Pick<ModuleManifest, 'id' | 'title' | 'description'> &
  Partial<Omit<ModuleManifest, 'id' | 'title' | 'description'>>;

const MODULE_ID = /^[a-z][a-z0-9-]*$/;
const PERMISSION = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

/** A module's manifest: everything it adds to Atrium, declared in one place. */
export function defineModule(input: ModuleInput): ModuleManifest {
  if (!MODULE_ID.test(input.id)) throw new Error(`module id "${input.id}" must be kebab-case`);
  for (const permission of input.permissions ?? []) {
    if (!PERMISSION.test(permission.name)) {
      throw new Error(`module ${input.id}: permission "${permission.name}" must be resource:action`);
    }
  }
  return {
    routes: [],
    jobs: [],
    subscribers: [],
    permissions: [],
    events: [],
    nav: [],
    tags: [],
    handlers: [],
    authenticators: [],
    gates: [],
    layers: [],
    ...input,
  };
}

/** Checks what no single manifest can: names that must be unique across modules. */
export function validateRegistry(modules: readonly ModuleManifest[]): void {
  assertUnique(
    'module id',
    modules.map((module) => module.id),
  );
  assertUnique(
    'operationId',
    modules.flatMap((module) => module.routes.map((route) => route.route.operationId ?? '')),
  );
  assertUnique(
    'route',
    modules.flatMap((module) => module.routes.map((route) => `${route.route.method} ${route.route.path}`)),
  );
  assertUnique(
    'job name',
    modules.flatMap((module) => module.jobs.map((job) => job.name)),
  );
  assertUnique(
    'permission',
    modules.flatMap((module) => module.permissions.map((permission) => permission.name)),
  );
  assertUnique(
    'OpenAPI tag',
    modules.flatMap((module) => module.tags.map((tag) => tag.name)),
  );
  assertUnique(
    'event type',
    modules.flatMap((module) => module.events.map((event) => event.type)),
  );
  const events = new Set(modules.flatMap((module) => module.events.map((event) => event.type)));
  for (const subscriber of modules.flatMap((module) => module.subscribers)) {
    if (!events.has(subscriber.event)) {
      throw new Error(`subscriber ${subscriber.name} listens to undeclared event ${subscriber.event}`);
    }
  }
  const tags = new Set(modules.flatMap((module) => module.tags.map((tag) => tag.name)));
  for (const route of modules.flatMap((module) => module.routes)) {
    for (const tag of route.route.tags ?? []) {
      if (!tags.has(tag))
        throw new Error(`route ${route.route.operationId} uses undeclared OpenAPI tag ${tag}`);
    }
  }
  const permissions = new Set(
    modules.flatMap((module) => module.permissions.map((permission) => permission.name)),
  );
  for (const route of modules.flatMap((module) => module.routes)) {
    if (route.access.kind === 'permission' && !permissions.has(route.access.permission)) {
      throw new Error(
        `route ${route.route.operationId} needs undeclared permission ${route.access.permission}`,
      );
    }
  }
}

function assertUnique(what: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (!value) throw new Error(`every ${what} must be set`);
    if (seen.has(value)) throw new Error(`duplicate ${what}: ${value}`);
    seen.add(value);
  }
}

/** Applies ATRIUM_MODULES; an unknown id is a configuration error, not a silent no-op. */
export function selectModules(all: readonly ModuleManifest[], enabled: string | undefined): ModuleManifest[] {
  if (!enabled) return [...all];
  const wanted = enabled.split(',');
  const unknown = wanted.filter((id) => !all.some((module) => module.id === id));
  if (unknown.length) {
    throw new ConfigError([
      {
        variable: 'ATRIUM_MODULES',
        message: `unknown modules: ${unknown.join(', ')} (known: ${all.map((m) => m.id).join(', ')})`,
      },
    ]);
  }
  return all.filter((module) => module.id === 'system' || wanted.includes(module.id));
}
