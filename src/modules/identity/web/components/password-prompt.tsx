import { Button } from '@web/ui/button';
import { TextField } from '@web/ui/field';
import { FormError } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { SubmitButton } from './submit-button';

interface PasswordPromptProps {
  /** What the password confirms, e.g. "Turn off two-factor authentication". */
  action: string;
  pending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  onCancel: () => void;
  destructive?: boolean;
}

/** Security changes ask for the password again, so an unattended browser cannot make them. */
export function PasswordPrompt({
  action,
  pending,
  error,
  onSubmit,
  onCancel,
  destructive,
}: PasswordPromptProps) {
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(password);
  };
  return (
    <form className="flex max-w-sm flex-col gap-3" onSubmit={submit} noValidate>
      <TextField
        label="Your password"
        type="password"
        name="password"
        autoComplete="current-password"
        autoFocus
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {error ? <FormError error={error} /> : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} variant={destructive ? 'destructive' : 'default'}>
          {action}
        </SubmitButton>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
