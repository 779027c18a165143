import type { Context, ErrorHandler, Handler, MiddlewareHandler } from 'hono';
import type { AppEnv } from './route.js';

/**
 * A step of an operation: Hono middleware, or a handler (which ignores `next`). Steps written for
 * the chain may answer synchronously, and their `next()` returns a promise only when a later step
 * was asynchronous; third-party middleware that awaits `next()` works unchanged.
 */
export type Step = MiddlewareHandler<AppEnv> | Handler<AppEnv>;

/** What `next()` gives a step inside a chain: nothing, or a promise when a later step awaited. */
export type ChainNext = () => void | Promise<void>;

/**
 * One Hono middleware (or, ending with the handler, one handler) running an operation's steps in
 * order with the semantics of Hono's compose — a step's Response becomes `c.res` unless one is set,
 * a throw becomes the error handler's answer in `c.res` and the outer steps still run after it —
 * but without a promise where no step needs one. Why: Hono calls a route with a single handler
 * directly, yet composes two or more with an async function per step, and on the API-key hot path
 * (`npm run bench:gateway`) those promises, each tracked by Node's async hooks once any
 * AsyncLocalStorage is in use, cost more than the access check itself.
 */
export function chain(steps: readonly Step[], onError: ErrorHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  const answer = (c: Context<AppEnv>) => (c.finalized ? c.res : undefined);
  return ((c: Context<AppEnv>, next: ChainNext) => {
    const done = run(c, steps, 0, onError, next);
    return done instanceof Promise ? done.then(() => answer(c)) : answer(c);
  }) as unknown as MiddlewareHandler<AppEnv>;
}

function run(
  c: Context<AppEnv>,
  steps: readonly Step[],
  index: number,
  onError: ErrorHandler<AppEnv>,
  last: ChainNext,
): void | Promise<void> {
  const step = steps[index];
  // Past the last step: Hono's next (the operation's validators and handler, when they follow).
  if (!step) return last();
  let result: unknown;
  try {
    // `next` inline, not a named constant: tsx (esbuild keepNames) would name each one per request.
    result = (step as (c: Context<AppEnv>, next: ChainNext) => unknown)(c, () =>
      run(c, steps, index + 1, onError, last),
    );
  } catch (error) {
    return fail(c, error, onError);
  }
  if (result instanceof Promise) {
    return result.then(
      (response: unknown) => settle(c, response),
      (error: unknown) => fail(c, error, onError),
    );
  }
  settle(c, result);
}

function settle(c: Context<AppEnv>, response: unknown): void {
  if (response instanceof Response && !c.finalized) c.res = response;
}

function fail(c: Context<AppEnv>, error: unknown, onError: ErrorHandler<AppEnv>): void | Promise<void> {
  if (!(error instanceof Error)) throw error;
  c.error = error;
  const answer = onError(error, c);
  if (answer instanceof Promise) {
    return answer.then((response) => {
      c.res = response;
    });
  }
  c.res = answer;
}

/**
 * Middleware written for the chain: it may answer synchronously and must accept a `next()` that
 * returns nothing (inside a chain, when the rest was synchronous) or a promise (under Hono's
 * compose, or when a later step awaited).
 */
export type ChainMiddleware = (
  c: Context<AppEnv>,
  next: ChainNext,
) => Response | undefined | Promise<Response | undefined>;

/** Types chain middleware as Hono middleware, which it is (Hono awaits whatever it returns). */
export const chainable = (middleware: ChainMiddleware): MiddlewareHandler<AppEnv> =>
  middleware as unknown as MiddlewareHandler<AppEnv>;

/** Runs `then` after `next()`, synchronously when it was. */
export function afterNext<T>(done: void | Promise<void>, then: () => T | Promise<T>): T | Promise<T> {
  return done instanceof Promise ? done.then(then) : then();
}
