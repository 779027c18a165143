import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { newRequestId, resolveRequestId } from './request-id.js';

const request = (headers: Record<string, string> = {}) => new Request('http://localhost/', { headers });
const incoming = (rawHeaders: string[]) => ({ rawHeaders }) as IncomingMessage;
const GENERATED = /^req_[0-9a-z]+_[0-9a-z]+$/;

describe('resolveRequestId', () => {
  it('keeps a safe id from the request, whatever the header case on Node', () => {
    expect(resolveRequestId(request({ 'x-request-id': 'abc-123' }))).toBe('abc-123');
    expect(resolveRequestId(request(), incoming(['Host', 'x', 'X-Request-Id', 'trace:42']))).toBe('trace:42');
  });

  it('generates distinct ids in arrival order', () => {
    const first = newRequestId();
    const second = newRequestId();
    expect(second).not.toBe(first);
    expect(first.split('_')[1]).toBe(second.split('_')[1]);
    expect(Number.parseInt(second.split('_')[2] ?? '', 36)).toBe(
      Number.parseInt(first.split('_')[2] ?? '', 36) + 1,
    );
  });

  it('generates one when missing, too long or carrying unsafe characters', () => {
    expect(resolveRequestId(request())).toMatch(GENERATED);
    expect(resolveRequestId(request({ 'x-request-id': 'a'.repeat(129) }))).toMatch(GENERATED);
    expect(resolveRequestId(request(), incoming(['x-request-id', 'evil\nline']))).toMatch(GENERATED);
    expect(resolveRequestId(request(), incoming(['x-request-id', '<script>']))).toMatch(GENERATED);
  });
});
