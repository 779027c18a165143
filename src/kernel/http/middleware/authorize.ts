import type { Context, MiddlewareHandler } from 'hono';
import type { Authenticator, Gate, ModuleManifest } from '../../module.js';
import { ProblemError, problemResponse } from '../problem.js';
import type { Access, AppEnv, Credentials, Principal } from '../route.js';
import { addMissingHeaders, presetHeaders } from './response-headers.js';
import { PRIVATE_HEADERS } from './security-headers.js';

/**
 * Enforces the access an operation declares (the UI reads the same declarations): who calls, the
 * modules' gates (IP allowlist, rate limit), then the permission. Answers to guarded operations
 * carry a tenant's data, so no cache may store them, refusals included.
 */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  if (access.kind === 'public') return (_c, next) => next();
  const headers = Object.fromEntries(PRIVATE_HEADERS);
  const credentials = access.credentials;
  const missing =
    credentials === 'api_key'
      ? 'Send an API key (Authorization: Bearer atr_…) to use this operation.'
      : 'Sign in or send an API key to use this operation.';
  return async (c, next) => {
    c.env.route = c.req.routePath;
    const preset = presetHeaders(c.env.outgoing, PRIVATE_HEADERS);
    // Authenticators and gates may answer synchronously (a key from memory): awaiting only real
    // promises keeps the API-key hot path off the microtask queue.
    const found = callerOf(c, credentials);
    const principal = found instanceof Promise ? await found : found;
    c.set('principal', principal);
    if (!principal) return problemResponse(c, 'unauthenticated', missing, { headers });
    const gated = passGates(c, principal);
    const refusal = gated instanceof Promise ? await gated : gated;
    if (refusal) {
      return problemResponse(c, refusal.code, refusal.detail, {
        ...refusal.extras,
        headers: { ...headers, ...refusal.extras.headers },
      });
    }
    if (access.kind === 'permission' && !principal.permissions.has(access.permission)) {
      return problemResponse(c, 'forbidden', `This operation needs the "${access.permission}" permission.`, {
        headers,
      });
    }
    await next();
    if (!preset) addMissingHeaders(c.res, PRIVATE_HEADERS);
  };
}

type MaybePromise<T> = T | Promise<T>;

/** Runs every enabled module's gates in order; the first refusal (a ProblemError) is the answer. */
function passGates(c: Context<AppEnv>, principal: Principal): MaybePromise<ProblemError | undefined> {
  return runGates(c, principal, gatesOf(c.env.services.modules), 0);
}

// The enabled modules never change in a process: their gates and authenticators are listed once.
const gateLists = new WeakMap<readonly ModuleManifest[], readonly Gate[]>();
const authenticatorLists = new WeakMap<readonly ModuleManifest[], readonly Authenticator[]>();

function gatesOf(modules: readonly ModuleManifest[]): readonly Gate[] {
  let gates = gateLists.get(modules);
  if (!gates) {
    gates = modules.flatMap((module) => module.gates);
    gateLists.set(modules, gates);
  }
  return gates;
}

function authenticatorsOf(modules: readonly ModuleManifest[]): readonly Authenticator[] {
  let authenticators = authenticatorLists.get(modules);
  if (!authenticators) {
    authenticators = modules.flatMap((module) => module.authenticators);
    authenticatorLists.set(modules, authenticators);
  }
  return authenticators;
}

function runGates(
  c: Context<AppEnv>,
  principal: Principal,
  gates: readonly Gate[],
  from: number,
): MaybePromise<ProblemError | undefined> {
  for (let index = from; index < gates.length; index++) {
    let result: void | Promise<void>;
    try {
      result = (gates[index] as Gate)(c, principal);
    } catch (error) {
      if (error instanceof ProblemError) return error;
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        () => runGates(c, principal, gates, index + 1),
        (error: unknown) => {
          if (error instanceof ProblemError) return error;
          throw error;
        },
      );
    }
  }
  return undefined;
}

function callerOf(
  c: Context<AppEnv>,
  credentials: Credentials | undefined,
): MaybePromise<Principal | undefined> {
  const known = c.get('principal');
  if (known && (!credentials || credentials === (known.kind === 'api_key' ? 'api_key' : 'session'))) {
    return known;
  }
  return authenticate(c, credentials);
}

/** Asks each enabled module's authenticators in turn (session cookie, API key, …) who is calling. */
function authenticate(
  c: Context<AppEnv>,
  credentials: Credentials | undefined,
): MaybePromise<Principal | undefined> {
  return askFrom(c, authenticatorsOf(c.env.services.modules), credentials, 0);
}

function askFrom(
  c: Context<AppEnv>,
  authenticators: readonly Authenticator[],
  credentials: Credentials | undefined,
  from: number,
): MaybePromise<Principal | undefined> {
  for (let index = from; index < authenticators.length; index++) {
    const authenticator = authenticators[index] as Authenticator;
    if (credentials && authenticator.credentials !== credentials) continue;
    const found = authenticator.authenticate(c);
    if (found instanceof Promise) {
      return found.then((principal) => principal ?? askFrom(c, authenticators, credentials, index + 1));
    }
    if (found) return found;
  }
  return undefined;
}
