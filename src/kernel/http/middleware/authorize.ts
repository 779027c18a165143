import type { Context, MiddlewareHandler } from 'hono';
import type { Authenticator, Gate, ModuleManifest } from '../../module.js';
import { afterNext, type ChainNext, chainable } from '../chain.js';
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
  const guard: Guard = {
    headers,
    missing,
    permission: access.kind === 'permission' ? access.permission : null,
  };
  // Authenticators and gates may answer synchronously (a key from memory): each stage waits only
  // on a real promise, so the API-key hot path runs without a microtask (see chain.ts).
  return chainable((c, next) => {
    c.env.route = c.req.routePath;
    const preset = presetHeaders(c.env.outgoing, PRIVATE_HEADERS);
    const found = callerOf(c, credentials);
    return found instanceof Promise
      ? found.then((principal) => admit(c, guard, principal, next, preset))
      : admit(c, guard, found, next, preset);
  });
}

interface Guard {
  headers: Record<string, string>;
  /** The refusal's detail when no caller is recognised. */
  missing: string;
  permission: string | null;
}

type Answer = Response | undefined | Promise<Response | undefined>;

function admit(
  c: Context<AppEnv>,
  guard: Guard,
  principal: Principal | undefined,
  next: ChainNext,
  preset: boolean,
): Answer {
  c.set('principal', principal);
  if (!principal) return problemResponse(c, 'unauthenticated', guard.missing, { headers: guard.headers });
  const gated = passGates(c, principal);
  return gated instanceof Promise
    ? gated.then((refusal) => proceed(c, guard, principal, refusal, next, preset))
    : proceed(c, guard, principal, gated, next, preset);
}

function proceed(
  c: Context<AppEnv>,
  guard: Guard,
  principal: Principal,
  refusal: ProblemError | undefined,
  next: ChainNext,
  preset: boolean,
): Answer {
  const { headers } = guard;
  if (refusal) {
    return problemResponse(c, refusal.code, refusal.detail, {
      ...refusal.extras,
      headers: { ...headers, ...refusal.extras.headers },
    });
  }
  if (guard.permission !== null && !principal.permissions.has(guard.permission)) {
    return problemResponse(c, 'forbidden', `This operation needs the "${guard.permission}" permission.`, {
      headers,
    });
  }
  if (preset) return afterNext(next(), noAnswer);
  return afterNext(next(), () => {
    addMissingHeaders(c.res, PRIVATE_HEADERS);
    return undefined;
  });
}

const noAnswer = () => undefined;

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
