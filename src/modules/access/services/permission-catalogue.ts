import type { ModuleManifest, PermissionDefinition } from '../../../kernel/module.js';

export interface Catalogue {
  /** Tenant permissions, in module then declaration order: what roles are built from. */
  tenant: readonly PermissionDefinition[];
  operator: readonly PermissionDefinition[];
  /** Built-in role key (tenant or operator) → its default permissions. */
  defaults: ReadonlyMap<string, ReadonlySet<string>>;
}

const catalogues = new WeakMap<readonly ModuleManifest[], Catalogue>();

/** Gathered once per set of enabled modules from their manifests: the one list the UI reads too. */
export function permissionCatalogue(modules: readonly ModuleManifest[]): Catalogue {
  const cached = catalogues.get(modules);
  if (cached) return cached;
  const all = modules.flatMap((module) => module.permissions);
  const defaults = new Map<string, Set<string>>();
  for (const permission of all) {
    for (const role of permission.defaultRoles) {
      const granted = defaults.get(role) ?? new Set<string>();
      granted.add(permission.name);
      defaults.set(role, granted);
    }
  }
  const catalogue: Catalogue = {
    tenant: all.filter((permission) => (permission.scope ?? 'tenant') === 'tenant'),
    operator: all.filter((permission) => permission.scope === 'operator'),
    defaults,
  };
  catalogues.set(modules, catalogue);
  return catalogue;
}

/** What a role grants: a built-in role's defaults, or a custom role's list cut to known permissions. */
export function rolePermissions(
  modules: readonly ModuleManifest[],
  role: { key: string; builtIn: boolean; permissions: readonly string[] },
): Set<string> {
  const catalogue = permissionCatalogue(modules);
  if (role.builtIn) return new Set(catalogue.defaults.get(role.key) ?? []);
  const known = new Set<string>(catalogue.tenant.map((permission) => permission.name));
  return new Set(role.permissions.filter((name) => known.has(name)));
}
