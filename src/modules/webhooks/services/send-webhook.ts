import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { checkHost, guardedLookup, type HostAllowlist } from './url-guard.js';

export const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * Connections are kept alive and reused per receiver origin (a TLS handshake per delivery would
 * dominate the cost). The SSRF check runs when a connection is made (the guarded lookup), so a
 * reused one was checked; the agents honour the receiver's Keep-Alive timeout hint.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64, scheduling: 'lifo' }),
};
export const RESPONSE_BODY_LIMIT = 4096;

export interface SignedRequest {
  url: string;
  messageId: string;
  body: string;
  /** Current secret first; a previous one still in its overlap second. */
  secrets: string[];
  headers: Record<string, string>;
  timestamp: Date;
}

export interface DeliveryResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

/** Standard Webhooks headers; one `v1,…` signature per secret, space-separated. */
export function signatureHeaders(request: SignedRequest): Record<string, string> {
  const signatures = request.secrets.map((secret) =>
    new Webhook(secret).sign(request.messageId, request.timestamp, request.body),
  );
  return {
    'webhook-id': request.messageId,
    'webhook-timestamp': String(Math.floor(request.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

/**
 * POSTs one signed delivery. Only a 2xx counts: redirects are not followed (a 3xx is a failure),
 * and the address connected to is checked against the SSRF rules at connection time. The answer's
 * body is kept up to 4 KiB; the whole exchange may take 15 s.
 */
export async function sendWebhook(request: SignedRequest, allow: HostAllowlist): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(request.url);
  // An address in the URL is connected to without a lookup: check it here instead.
  if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) {
    const checked = await checkHost(url.hostname, allow);
    if ('refused' in checked) {
      return {
        ok: false,
        statusCode: null,
        latencyMs: elapsed(),
        responseBody: null,
        error: checked.refused,
      };
    }
  }
  const first = await post(url, request, allow, elapsed);
  // A kept-alive socket the receiver closed just as it was reused fails before any byte of an
  // answer: the request never reached the receiver, so it is sent once more on a new socket.
  return first === STALE_SOCKET ? ((await post(url, request, allow, elapsed)) as DeliveryResult) : first;
}

const STALE_SOCKET = Symbol('stale socket');

function post(
  url: URL,
  request: SignedRequest,
  allow: HostAllowlist,
  elapsed: () => number,
): Promise<DeliveryResult | typeof STALE_SOCKET> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<DeliveryResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: elapsed() });
    };
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        agent: url.protocol === 'https:' ? agents['https:'] : agents['http:'],
        lookup: guardedLookup(allow) as never,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'user-agent': 'Atrium-Webhooks/1',
          ...signatureHeaders(request),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_BODY_LIMIT) chunks.push(chunk);
          size += chunk.length;
          if (size > RESPONSE_BODY_LIMIT * 16) response.destroy();
        });
        const done = () => {
          const status = response.statusCode ?? 0;
          const body = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
          const ok = status >= 200 && status < 300;
          finish({
            ok,
            statusCode: status,
            responseBody: body,
            error: ok
              ? null
              : status >= 300 && status < 400
                ? `Redirect (${status}) not followed${response.headers.location ? ` to ${response.headers.location}` : ''}.`
                : `The endpoint answered ${status}.`,
          });
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`));
    }, DELIVERY_TIMEOUT_MS);
    outgoing.on('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (!settled && outgoing.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) {
        settled = true;
        clearTimeout(timer);
        resolve(STALE_SOCKET);
        return;
      }
      finish({ ok: false, statusCode: null, responseBody: null, error: error.message || String(error) });
    });
    outgoing.end(request.body);
  });
}
