import { describe, expect, it } from 'vitest';
import type { TeamEvent } from './queries';
import { describeTeamEvent } from './team-event-text';

const names: Record<string, string> = { viewer: 'Viewer', admin: 'Admin', developer: 'Developer' };
const roleName = (key: unknown) => names[key as string] ?? String(key);

function event(action: string, fields: Partial<TeamEvent> = {}): TeamEvent {
  return {
    id: 'aud_1',
    seq: 1,
    occurredAt: '2026-11-21T12:00:00.000Z',
    actor: { type: 'user', id: 'usr_1', label: 'ada@example.com' },
    action,
    target: { type: 'member', id: 'mem_1', label: 'grace@example.com' },
    ip: null,
    userAgent: null,
    requestId: null,
    before: null,
    after: null,
    metadata: {},
    prevHash: '',
    hash: '',
    ...fields,
  } as TeamEvent;
}

describe('team activity in words', () => {
  it('names the roles a member moved between', () => {
    const changed = event('member.role_changed', { before: { role: 'viewer' }, after: { role: 'admin' } });
    expect(describeTeamEvent(changed, roleName)).toBe(
      'ada@example.com changed grace@example.com’s role from Viewer to Admin',
    );
  });

  it('tells joining and leaving apart from being added and removed', () => {
    const joined = event('member.added', {
      actor: { type: 'user', id: 'usr_2', label: 'grace@example.com' },
      after: { role: 'developer' },
    });
    expect(describeTeamEvent(joined, roleName)).toBe('grace@example.com joined as Developer');
    expect(describeTeamEvent(event('member.removed', { metadata: { left: true } }), roleName)).toBe(
      'grace@example.com left the team',
    );
    expect(describeTeamEvent(event('member.removed'), roleName)).toBe(
      'ada@example.com removed grace@example.com',
    );
  });

  it('describes invitations and roles, and falls back to the raw action', () => {
    expect(describeTeamEvent(event('invitation.created', { after: { role: 'viewer' } }), roleName)).toBe(
      'ada@example.com invited grace@example.com as Viewer',
    );
    expect(
      describeTeamEvent(
        event('role.created', { target: { type: 'role', label: 'Support' } } as Partial<TeamEvent>),
        roleName,
      ),
    ).toBe('ada@example.com created the role Support');
    expect(describeTeamEvent(event('member.teleported'), roleName)).toBe(
      'ada@example.com: member.teleported grace@example.com',
    );
  });
});
