import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { resolveRequestId } from './request-id.js';

const request = (headers: Record<string, string> = {}) => new Request('http://localhost/', { headers });
const incoming = (rawHeaders: string[]) => ({ rawHeaders }) as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it('keeps a safe id from the request, whatever the header case on Node', () => {
    expect(resolveRequestId(request({ 'x-request-id': 'abc-123' }))).toBe('abc-123');
    expect(resolveRequestId(request(), incoming(['Host', 'x', 'X-Request-Id', 'trace:42']))).toBe('trace:42');
  });

  it('generates one when missing, too long or carrying unsafe characters', () => {
    expect(resolveRequestId(request())).toMatch(UUID);
    expect(resolveRequestId(request({ 'x-request-id': 'a'.repeat(129) }))).toMatch(UUID);
    expect(resolveRequestId(request(), incoming(['x-request-id', 'evil\nline']))).toMatch(UUID);
    expect(resolveRequestId(request(), incoming(['x-request-id', '<script>']))).toMatch(UUID);
  });
});
