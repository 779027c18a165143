import type { TeamEvent } from './queries';

/** One line of the team's history, in words: "ada@… changed grace@…'s role from Viewer to Admin". */
export function describeTeamEvent(event: TeamEvent, roleName: (key: unknown) => string): string {
  const actor = event.actor.label;
  const target = event.target.label ?? event.target.id ?? 'someone';
  const before = event.before ?? {};
  const after = event.after ?? {};
  switch (event.action) {
    case 'member.added':
      return actor === target
        ? `${target} joined as ${roleName(after.role)}`
        : `${actor} added ${target} as ${roleName(after.role)}`;
    case 'member.role_changed':
      return `${actor} changed ${target}’s role from ${roleName(before.role)} to ${roleName(after.role)}`;
    case 'member.removed':
      return event.metadata.left === true ? `${target} left the team` : `${actor} removed ${target}`;
    case 'invitation.created':
      return `${actor} invited ${target} as ${roleName(after.role)}`;
    case 'invitation.resent':
      return `${actor} resent the invitation to ${target}`;
    case 'invitation.cancelled':
      return `${actor} cancelled the invitation to ${target}`;
    case 'invitation.accepted':
      return `${target} accepted the invitation`;
    case 'role.created':
      return `${actor} created the role ${target}`;
    case 'role.updated':
      return `${actor} changed the role ${target}`;
    case 'role.deleted':
      return `${actor} deleted the role ${target}`;
    default:
      return `${actor}: ${event.action} ${target}`;
  }
}
