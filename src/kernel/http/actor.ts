import type { Context } from 'hono';
import type { AppEnv } from './route.js';

/** Who did something and from where: what an audit event records about its cause. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  label: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The socket's address. Proxies' forwarded headers are not trusted until configured to be. */
export function clientIp(c: Context<AppEnv>): string | null {
  return c.env.incoming?.socket.remoteAddress ?? null;
}

/** The actor behind a request: its principal (or anonymous), address, user agent and id. */
export function requestActor(c: Context<AppEnv>): Actor {
  const principal = c.get('principal');
  return {
    type: principal?.kind ?? 'system',
    id: principal?.id ?? null,
    label: principal?.label ?? 'anonymous',
    ip: clientIp(c),
    userAgent: c.req.header('user-agent') ?? null,
    requestId: c.env.requestId,
  };
}

/** Work Atrium does on its own (jobs, the demo world, the CLI). */
export function systemActor(label: string): Actor {
  return { type: 'system', id: null, label, ip: null, userAgent: null, requestId: null };
}
