import { cn } from '@web/lib/utils';
import { CheckIcon, MinusIcon } from 'lucide-react';
import { Fragment } from 'react';
import { groupByResource } from '../permission-groups';
import type { Permission, Role } from '../queries';

/** Roles × permissions, grouped by resource: what every role may do, at a glance. */
export function PermissionMatrix({
  roles,
  catalogue,
}: {
  roles: readonly Role[];
  catalogue: readonly Permission[];
}) {
  const granted = new Map(roles.map((role) => [role.id, new Set(role.permissions)]));
  return (
    <div className="relative w-full overflow-x-auto rounded-xl border">
      <table className="w-full border-collapse text-sm" aria-label="Permission matrix">
        <thead>
          <tr className="border-b bg-muted/40">
            <th
              scope="col"
              className="sticky left-0 z-10 min-w-64 bg-muted/40 px-3 py-2 text-left font-medium"
            >
              Permission
            </th>
            {roles.map((role) => (
              <th key={role.id} scope="col" className="min-w-24 px-2 py-2 text-center font-medium">
                <span className="block whitespace-nowrap">{role.name}</span>
                <span className="block font-normal text-muted-foreground text-xs">
                  {role.builtIn ? 'Built-in' : 'Custom'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groupByResource(catalogue).map((group) => (
            <Fragment key={group.resource}>
              <tr className="border-b bg-muted/20">
                <th
                  scope="colgroup"
                  colSpan={roles.length + 1}
                  className="sticky left-0 px-3 pt-3 pb-1 text-left font-semibold text-muted-foreground text-xs uppercase tracking-wide"
                >
                  {group.title}
                </th>
              </tr>
              {group.permissions.map((permission) => (
                <tr key={permission.name} className="border-b last:border-0 hover:bg-muted/30">
                  <th
                    scope="row"
                    className="sticky left-0 z-10 bg-background px-3 py-2 text-left font-normal"
                  >
                    <code className="font-mono text-xs">{permission.name}</code>
                    <span className="block text-muted-foreground text-xs">{permission.description}</span>
                  </th>
                  {roles.map((role) => {
                    const has = granted.get(role.id)?.has(permission.name) ?? false;
                    return (
                      <td key={role.id} className="px-2 py-2 text-center">
                        {has ? (
                          <CheckIcon
                            className={cn('mx-auto size-4 text-emerald-600 dark:text-emerald-400')}
                            aria-hidden="true"
                          />
                        ) : (
                          <MinusIcon className="mx-auto size-4 text-muted-foreground/40" aria-hidden="true" />
                        )}
                        <span className="sr-only">
                          {role.name} {has ? 'has' : 'does not have'} {permission.name}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
