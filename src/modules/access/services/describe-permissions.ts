import type { ModuleManifest } from '../../../kernel/module.js';
import { BUILT_IN_ROLES } from '../contract.js';

/** The tenant permission catalogue as the matrix shows it: by module, with the built-ins holding each. */
export function describePermissions(modules: readonly ModuleManifest[]) {
  return modules.flatMap((module) =>
    module.permissions
      .filter((permission) => (permission.scope ?? 'tenant') === 'tenant')
      .map((permission) => {
        const [resource = '', action = ''] = permission.name.split(':');
        return {
          name: permission.name,
          resource,
          action,
          description: permission.description,
          module: { id: module.id, title: module.title },
          builtInRoles: BUILT_IN_ROLES.map((role) => role.key).filter((key) =>
            permission.defaultRoles.includes(key),
          ),
        };
      }),
  );
}
