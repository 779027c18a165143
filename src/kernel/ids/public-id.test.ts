import { describe, expect, it } from 'vitest';
import { fromPublicId, ID_PREFIXES, toPublicId } from './public-id.js';
import { uuidv7 } from './uuidv7.js';

describe('public ids', () => {
  it('round-trips a UUID through its prefixed form', () => {
    const uuid = uuidv7();
    const id = toPublicId('app', uuid);
    expect(id).toMatch(/^app_[0-9a-z]{26}$/);
    expect(fromPublicId('app', id)).toBe(uuid);
    expect(fromPublicId('app', id.toUpperCase().replace('APP_', 'app_'))).toBe(uuid);
  });

  it('keeps creation order', () => {
    const first = toPublicId('project', '01890000-0000-7000-8000-000000000000');
    const second = toPublicId('project', '01890000-0001-7000-8000-000000000000');
    expect(first < second).toBe(true);
  });

  it('refuses another kind, a bad body or an overflowing first character', () => {
    const id = toPublicId('app', uuidv7());
    expect(fromPublicId('project', id)).toBeUndefined();
    expect(fromPublicId('app', 'app_short')).toBeUndefined();
    expect(fromPublicId('app', `app_${'u'.repeat(26)}`)).toBeUndefined();
    expect(fromPublicId('app', `app_${'z'.repeat(26)}`)).toBeUndefined();
    expect(fromPublicId('app', 'not-an-id')).toBeUndefined();
  });

  it('gives every kind its own prefix', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
