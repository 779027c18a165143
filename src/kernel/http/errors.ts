import type { Hook } from '@hono/zod-openapi';
import type { Context, ErrorHandler, Hono, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { codeForStatus, type FieldError, ProblemError, problemResponse } from './problem.js';
import type { AppEnv } from './route.js';

/** zod-openapi validation hook: a failed request schema becomes a 400 listing each field. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  c.env.route = c.req.routePath;
  const errors = fieldErrors(result.error as ZodError, result.target);
  return problemResponse(c, 'validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });
};

function fieldErrors(error: ZodError, target: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [target === 'json' ? 'body' : target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Every failure's answer: the app's onError, and the operation chains' (chain.ts). */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  c.env.route ??= c.req.routePath;
  if (error instanceof ProblemError) {
    return problemResponse(c, error.code, error.detail, error.extras);
  }
  if (error instanceof HTTPException) {
    if (error.status === 400 && /malformed json/i.test(error.message)) {
      return problemResponse(c, 'malformed_json', 'The request body could not be parsed as JSON.');
    }
    if (error.status === 415) {
      const type = c.req.header('content-type') ?? '(none)';
      return problemResponse(c, 'unsupported_media_type', `Content-Type "${type}" is not accepted here.`);
    }
    return problemResponse(c, codeForStatus(error.status), error.message || 'The request was refused.');
  }
  c.env.services.log.error({ err: error, requestId: c.env.requestId }, 'unhandled error');
  return problemResponse(
    c,
    'internal_error',
    'An unexpected error occurred. Quote the request id if you report it.',
  );
};

interface CompiledRoute {
  method: string;
  pattern: RegExp;
}

/** Serves what no operation matched (the dashboard's files and pages), or declines. */
export type NotFoundFallback = (c: Context<AppEnv>) => Promise<Response | undefined>;

/**
 * Hono answers an unmatched method with 404; clients deserve 405 and an Allow header when the path
 * exists with other methods. The fallback, if any, gets the first chance.
 */
export function notFoundHandler(app: Hono<AppEnv>, fallback?: NotFoundFallback): NotFoundHandler<AppEnv> {
  let compiled: CompiledRoute[] | undefined;
  return async (c: Context<AppEnv>) => {
    const served = fallback ? await fallback(c) : undefined;
    if (served) return served;
    compiled ??= compileRoutes(app);
    const allowed = new Set(
      compiled.filter((route) => route.pattern.test(c.req.path)).map((route) => route.method),
    );
    if (allowed.size > 0) {
      if (allowed.has('GET')) allowed.add('HEAD');
      const allow = [...allowed].sort().join(', ');
      return problemResponse(c, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allow}.`, {
        headers: { allow },
      });
    }
    return problemResponse(c, 'not_found', `No operation matches ${c.req.method} ${c.req.path}.`);
  };
}

function compileRoutes(app: Hono<AppEnv>): CompiledRoute[] {
  return app.routes
    .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
    .map((route) => ({ method: route.method, pattern: pathToRegExp(route.path) }));
}

function pathToRegExp(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, (char) => `\\${char}`),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}
