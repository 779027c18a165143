import type { HeaderSource } from './redact.js';

/**
 * One captured request, as the capture layer hands it to the writer: raw values, redacted and
 * serialised by the writer once the response is on its way, before anything is stored.
 */
export interface CapturedRequest {
  /** UUIDv7; `createdAt` is the time it carries, so a lookup by id finds its day partition. */
  id: string;
  createdAt: Date;
  tenantId: string;
  appId: string | null;
  keyId: string | null;
  userId: string | null;
  requestId: string;
  surface: 'partner' | 'public';
  method: string;
  path: string;
  route: string;
  status: number;
  latencyMs: number;
  ip: string | null;
  userAgent: string | null;
  requestHeaders: HeaderSource | null;
  responseHeaders: HeaderSource | null;
  /** A parsed JSON body or text; null when there was none. */
  requestBody: unknown;
  responseBody: unknown;
}
