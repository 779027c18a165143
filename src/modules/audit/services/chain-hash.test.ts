import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalJson, chainHash, GENESIS_HASH } from './chain-hash.js';

const event: ChainedFields = {
  id: '01936f0e-7d3c-7a4b-9c1d-2e3f4a5b6c7d',
  tenantId: '01936f0e-0000-7a4b-9c1d-2e3f4a5b6c7d',
  seq: 3,
  occurredAt: new Date('2025-01-15T09:30:00.123Z'),
  actorType: 'user',
  actorId: '01936f0e-1111-7a4b-9c1d-2e3f4a5b6c7d',
  actorLabel: 'ada@example.com',
  action: 'member.role_changed',
  targetType: 'member',
  targetId: 'mem_01jf8z6x3m4r5t6v7w8x9y0z1c',
  targetLabel: 'grace@example.com',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
  requestId: 'req_1',
  before: { role: 'viewer' },
  after: { role: 'admin' },
  metadata: { reason: 'promotion' },
  prevHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('sorts object keys at every depth, so key order never changes the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('keeps array order and drops undefined members the way JSON does', () => {
    expect(canonicalJson([2, 1, 'x'])).toBe('[2,1,"x"]');
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('chainHash', () => {
  it('is a SHA-256 hex digest that does not depend on the key order of before/after/metadata', () => {
    const hash = chainHash(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      chainHash({ ...event, after: { b: 1, a: 2 } }) === chainHash({ ...event, after: { a: 2, b: 1 } }),
    ).toBe(true);
  });

  const changes: Partial<ChainedFields>[] = [
    { id: '01936f0e-7d3c-7a4b-9c1d-2e3f4a5b6c7e' },
    { tenantId: null },
    { seq: 4 },
    { occurredAt: new Date('2025-01-15T09:30:00.124Z') },
    { actorType: 'api_key' },
    { actorId: null },
    { actorLabel: 'eve@example.com' },
    { action: 'member.removed' },
    { targetType: 'invitation' },
    { targetId: 'mem_other' },
    { targetLabel: null },
    { ip: '203.0.113.8' },
    { userAgent: 'curl/8' },
    { requestId: 'req_2' },
    { before: { role: 'admin' } },
    { after: null },
    { metadata: {} },
    { prevHash: 'f'.repeat(64) },
  ];

  it.each(changes)('changes when any one field changes: %o', (change) => {
    expect(chainHash({ ...event, ...change })).not.toBe(chainHash(event));
  });

  it('tells a field moved into another apart (the fields are a positional array, not a concatenation)', () => {
    expect(chainHash({ ...event, targetId: 'ab', targetLabel: 'c' })).not.toBe(
      chainHash({ ...event, targetId: 'a', targetLabel: 'bc' }),
    );
  });
});
