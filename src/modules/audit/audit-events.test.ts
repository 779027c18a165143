import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpAndSignIn } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { systemActor } from '../../kernel/http/actor.js';
import { toPublicId } from '../../kernel/ids/public-id.js';
import { addMember } from '../access/index.js';
import { recordEvents, type SeededTrail, seedTrail } from './audit-test-support.js';
import type { AuditEvent } from './services/audit-event-view.js';
import { listAuditEvents } from './services/list-audit-events.js';

let t: TestApp;
let trail: SeededTrail;
beforeAll(async () => {
  t = await createTestApp();
  trail = await seedTrail(t);
});
afterAll(async () => t?.close());

interface Page {
  data: AuditEvent[];
  nextCursor: string | null;
}

async function list(query: Record<string, string>, account = trail.ada): Promise<Page> {
  const response = await call(
    t,
    'GET',
    `/partner/audit/events?${new URLSearchParams(query)}`,
    undefined,
    account,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

const seqs = (page: Page) => page.data.map((event) => event.seq);

describe('GET /partner/audit/events', () => {
  it('lists the caller’s tenant’s events newest first, with actor, target, data and hashes', async () => {
    const page = await list({});
    expect(seqs(page)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((event) => event.action).slice(-2)).toEqual(['member.added', 'tenant.created']);
    const roleChange = page.data.find((event) => event.seq === 3);
    expect(roleChange).toMatchObject({
      id: expect.stringMatching(/^aud_[0-9a-z]{26}$/),
      actor: { type: 'user', id: toPublicId('user', trail.ada.userId), label: 'ada@example.com' },
      action: 'member.role_changed',
      target: { type: 'member', id: 'mem_grace', label: 'grace@example.com' },
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (test)',
      requestId: 'req_test_1',
      before: { role: 'viewer' },
      after: { role: 'admin' },
      metadata: {},
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(roleChange?.prevHash).toBe(page.data.find((event) => event.seq === 2)?.hash);
    expect(new Date(roleChange?.occurredAt ?? '').toISOString()).toBe(roleChange?.occurredAt);
  });

  it('never shows another tenant’s events', async () => {
    const ada = await list({});
    const bob = await list({}, trail.bob);
    expect(seqs(bob)).toEqual([3, 2, 1]);
    const adaIds = new Set(ada.data.map((event) => event.id));
    expect(bob.data.filter((event) => adaIds.has(event.id))).toEqual([]);
    // The same filter that matches in both tenants still answers each with its own.
    expect((await list({ targetId: 'mem_grace' }, trail.bob)).data.map((event) => event.id)).toEqual([
      bob.data[0]?.id,
    ]);
  });

  it('filters by action: exact, prefix with `.` or `.*`, and several at once', async () => {
    expect(seqs(await list({ action: 'member.added' }))).toEqual([2]);
    expect(seqs(await list({ action: 'member.' }))).toEqual([7, 3, 2]);
    expect(seqs(await list({ action: 'member.*' }))).toEqual([7, 3, 2]);
    expect(seqs(await list({ action: 'member.,invitation.,role.' }))).toEqual([7, 6, 4, 3, 2]);
    expect(seqs(await list({ action: 'member' }))).toEqual([]);
  });

  it('filters by actor (part of the label or id, or a user’s usr_ id) and by target', async () => {
    expect(seqs(await list({ actor: 'ADA@' }))).toEqual([8, 7, 4, 3, 2, 1]);
    expect(seqs(await list({ actor: 'deploy' }))).toEqual([5]);
    expect(seqs(await list({ actor: 'key_c' }))).toEqual([5]);
    expect(seqs(await list({ actor: 'audit test' }))).toEqual([6]);
    expect(seqs(await list({ actor: toPublicId('user', trail.ada.userId) }))).toEqual([8, 7, 4, 3, 2, 1]);
    expect(seqs(await list({ targetType: 'member' }))).toEqual([7, 3, 2]);
    expect(seqs(await list({ targetId: 'mem_grace' }))).toEqual([7, 3]);
    expect(seqs(await list({ targetType: 'member', actor: 'ada', action: 'member.removed' }))).toEqual([7]);
  });

  it('searches free text in labels and before/after data, treating % and _ literally', async () => {
    expect(seqs(await list({ q: 'admin' }))).toEqual([7, 3]);
    expect(seqs(await list({ q: '%' }))).toEqual([5]);
    expect(seqs(await list({ q: 'inv_zoe' }))).toEqual([4]);
    expect(seqs(await list({ q: 'key_' }))).toEqual([8, 5]);
    expect(seqs(await list({ q: 'nowhere to be found' }))).toEqual([]);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    const all = (await list({})).data;
    const third = all.find((event) => event.seq === 3)?.occurredAt ?? '';
    const eighth = all.find((event) => event.seq === 8)?.occurredAt ?? '';
    const page = await list({ from: third, to: eighth });
    const expected = all
      .filter((event) => event.occurredAt >= third && event.occurredAt < eighth)
      .map((event) => event.seq);
    expect(seqs(page)).toEqual(expected);
    expect(seqs(page)).toContain(3);
    expect(seqs(page)).not.toContain(8);
    expect(seqs(page)).not.toContain(1);
  });

  it('pages with a cursor, with filters too', async () => {
    const first = await list({ limit: '3' });
    expect(seqs(first)).toEqual([8, 7, 6]);
    const second = await list({ limit: '3', cursor: first.nextCursor ?? '' });
    expect(seqs(second)).toEqual([5, 4, 3]);
    const last = await list({ limit: '3', cursor: second.nextCursor ?? '' });
    expect(seqs(last)).toEqual([2, 1]);
    expect(last.nextCursor).toBeNull();

    const firstMember = await list({ action: 'member.', limit: '1' });
    expect(seqs(firstMember)).toEqual([7]);
    const secondMember = await list({ action: 'member.', limit: '1', cursor: firstMember.nextCursor ?? '' });
    expect(seqs(secondMember)).toEqual([3]);
    const lastMember = await list({ action: 'member.', limit: '1', cursor: secondMember.nextCursor ?? '' });
    expect(seqs(lastMember)).toEqual([2]);
    expect(lastMember.nextCursor).toBeNull();
  });

  it('keeps pages stable while new events arrive', async () => {
    const first = await list({ limit: '2' });
    const newestBefore = first.data[0]?.seq ?? 0;
    await recordEvents(t, trail.tenantA, [{ action: 'settings.changed', target: { type: 'tenant' } }]);
    const second = await list({ limit: '2', cursor: first.nextCursor ?? '' });
    expect(seqs(second)).toEqual([newestBefore - 2, newestBefore - 3]);
    expect(seqs(await list({ limit: '1' }))).toEqual([newestBefore + 1]);
  });

  it('serves other modules’ activity feeds through listAuditEvents (team activity)', async () => {
    const team = await withTenant(t.services.pool, trail.tenantA, (tx) =>
      listAuditEvents(tx, { actions: ['member.', 'invitation.', 'role.'], limit: 3 }),
    );
    expect(team.data.map((event) => event.action)).toEqual([
      'member.removed',
      'role.updated',
      'invitation.sent',
    ]);
    expect(team.nextCursor).not.toBeNull();
  });

  it('refuses bad input with a problem naming the field', async () => {
    for (const [query, path] of [
      [{ limit: '0' }, 'query.limit'],
      [{ limit: '201' }, 'query.limit'],
      [{ limit: 'many' }, 'query.limit'],
      [{ from: 'yesterday' }, 'query.from'],
      [{ from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'query.to'],
      [{ cursor: 'not-a-cursor' }, 'query.cursor'],
      [{ cursor: Buffer.from('v1:-3').toString('base64url') }, 'query.cursor'],
    ] as const) {
      const response = await call(
        t,
        'GET',
        `/partner/audit/events?${new URLSearchParams(query)}`,
        undefined,
        trail.ada,
      );
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as { code: string; errors: { path: string }[] };
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((error) => error.path)).toContain(path);
    }
  });

  it('answers 401 without a session and 403 to a member whose role lacks audit:read', async () => {
    expect((await call(t, 'GET', '/partner/audit/events')).status).toBe(401);
    const viewer = await signUpAndSignIn(t, 'viewer@example.com', { organisationName: null });
    await withTenant(t.services.pool, trail.tenantB, (tx) =>
      addMember(tx, {
        userId: viewer.userId,
        userLabel: viewer.email,
        roleKey: 'viewer',
        actor: systemActor('test'),
      }),
    );
    for (const path of ['/partner/audit/events', '/partner/audit/verify', '/partner/audit/export']) {
      const response = await call(t, 'GET', path, undefined, viewer);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('GET /partner/audit/events/{eventId}', () => {
  it('answers one event with its before/after data', async () => {
    const listed = (await list({ action: 'member.role_changed' })).data[0];
    const response = await call(t, 'GET', `/partner/audit/events/${listed?.id}`, undefined, trail.ada);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(listed);
  });

  it('answers 404 for another tenant’s event and for malformed or unknown ids', async () => {
    const bobsEvent = (await list({}, trail.bob)).data[0]?.id ?? '';
    const unknown = toPublicId('audit', '01936f0e-7d3c-7a4b-9c1d-2e3f4a5b6c7d');
    for (const id of [bobsEvent, unknown, 'aud_nonsense', 'mem_01jf8z6x3m4r5t6v7w8x9y0z1c', 'nonsense']) {
      const response = await call(t, 'GET', `/partner/audit/events/${id}`, undefined, trail.ada);
      expect(response.status, id).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    // Bob still sees his own.
    expect((await call(t, 'GET', `/partner/audit/events/${bobsEvent}`, undefined, trail.bob)).status).toBe(
      200,
    );
  });
});
