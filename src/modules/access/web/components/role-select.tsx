import { NativeSelect } from '@web/ui/input';
import type { ComponentProps } from 'react';
import type { Role } from '../queries';

interface RoleSelectProps extends Omit<ComponentProps<'select'>, 'children'> {
  roles: readonly Role[];
  /** Only an Owner may hand out the Owner role; for others it is not offered. */
  allowOwner: boolean;
}

/** The tenant's roles, built-ins first, as a native select (keyboard and phone friendly). */
export function RoleSelect({ roles, allowOwner, ...props }: RoleSelectProps) {
  const builtIn = roles.filter((role) => role.builtIn && (allowOwner || role.key !== 'owner'));
  const custom = roles.filter((role) => !role.builtIn);
  return (
    <NativeSelect {...props}>
      <optgroup label="Built-in roles">
        {builtIn.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </optgroup>
      {custom.length > 0 && (
        <optgroup label="Custom roles">
          {custom.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </optgroup>
      )}
    </NativeSelect>
  );
}
