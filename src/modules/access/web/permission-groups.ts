import type { Permission } from './queries';

export interface PermissionGroup {
  resource: string;
  title: string;
  permissions: Permission[];
}

/** The catalogue grouped by resource (`apps:read`, `apps:write` → Apps), in catalogue order. */
export function groupByResource(catalogue: readonly Permission[]): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const permission of catalogue) {
    const group = groups.get(permission.resource) ?? {
      resource: permission.resource,
      title: resourceTitle(permission.resource),
      permissions: [],
    };
    group.permissions.push(permission);
    groups.set(permission.resource, group);
  }
  return [...groups.values()];
}

function resourceTitle(resource: string): string {
  const words = resource.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
