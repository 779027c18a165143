import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import { afterNext, type ChainMiddleware, chain, chainable } from './chain.js';
import type { AppEnv } from './route.js';

const onError = (error: Error) => new Response(`failed: ${error.message}`, { status: 500 });

/** A chain middleware that notes when it runs, before and after the rest, synchronously. */
function noting(trail: string[], name: string): MiddlewareHandler<AppEnv> {
  return chainable((_c, next) => {
    trail.push(`${name}:in`);
    return afterNext(next(), () => {
      trail.push(`${name}:out`);
      return undefined;
    });
  });
}

function mounted(handler: MiddlewareHandler<AppEnv>) {
  const app = new Hono<AppEnv>();
  app.get('/t', handler);
  return app;
}

describe('chain', () => {
  it('answers without a promise when every step is synchronous, in Hono’s order', () => {
    const trail: string[] = [];
    const app = mounted(chain([noting(trail, 'a'), noting(trail, 'b'), (c) => c.text('done')], onError));
    const answer = app.fetch(new Request('http://x/t'));
    expect(answer).toBeInstanceOf(Response);
    expect(trail).toEqual(['a:in', 'b:in', 'b:out', 'a:out']);
  });

  it('waits for an asynchronous step, and the outer steps still run after it', async () => {
    const trail: string[] = [];
    const slow: MiddlewareHandler<AppEnv> = async (_c, next) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      trail.push('slow');
      await next();
    };
    const app = mounted(chain([noting(trail, 'a'), slow, (c) => c.json({ ok: true }, 201)], onError));
    const answer = app.fetch(new Request('http://x/t'));
    expect(answer).toBeInstanceOf(Promise);
    const response = await answer;
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(trail).toEqual(['a:in', 'slow', 'a:out']);
  });

  it('stops at a step that answers itself', async () => {
    const trail: string[] = [];
    const refuse: ChainMiddleware = (c) => c.text('no', 403);
    const app = mounted(
      chain([noting(trail, 'a'), chainable(refuse), noting(trail, 'never'), (c) => c.text('x')], onError),
    );
    const response = await app.fetch(new Request('http://x/t'));
    expect(response.status).toBe(403);
    expect(trail).toEqual(['a:in', 'a:out']);
  });

  it('turns a throw (sync or async) into the error handler’s answer, which outer steps see', async () => {
    for (const failing of [
      () => {
        throw new Error('boom');
      },
      async () => {
        throw new Error('boom');
      },
    ]) {
      let seenStatus = 0;
      const observe = chainable((c, next) =>
        afterNext(next(), () => {
          seenStatus = c.res.status;
          return undefined;
        }),
      );
      const app = mounted(chain([observe, failing], onError));
      const response = await app.fetch(new Request('http://x/t'));
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('failed: boom');
      expect(seenStatus).toBe(500);
    }
  });

  it('as middleware, hands over to Hono’s next (the validators and handler after it)', async () => {
    const trail: string[] = [];
    const app = new Hono<AppEnv>();
    app.get(
      '/t',
      chain([noting(trail, 'a')], onError),
      async (_c, next) => {
        trail.push('validator');
        await next();
      },
      (c) => {
        trail.push('handler');
        return c.text('done');
      },
    );
    const response = await app.fetch(new Request('http://x/t'));
    expect(await response.text()).toBe('done');
    expect(trail).toEqual(['a:in', 'validator', 'handler', 'a:out']);
  });
});
