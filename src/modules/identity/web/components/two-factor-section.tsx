import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/api/client';
import { currentUserQueryKey } from '@web/shell/session';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '@web/ui/card';
import { useState } from 'react';
import { toast } from 'sonner';
import { unwrapAuth } from '../auth-result';
import { currentSessionQueryKey, sessionsQueryKey } from '../queries';
import { PasswordPrompt } from './password-prompt';
import { RecoveryCodes } from './recovery-codes';
import { TotpSetup } from './totp-setup';

type Step =
  | { kind: 'idle' }
  | { kind: 'enable' }
  | { kind: 'scan'; totpURI: string; backupCodes: string[] }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'regenerate' }
  | { kind: 'disable' };

/** Turning TOTP on (secret, QR code, first code, recovery codes), renewing the codes, turning it off. */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const refresh = () =>
    Promise.all(
      [currentUserQueryKey, sessionsQueryKey, currentSessionQueryKey].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  const enable = useMutation({
    mutationFn: async (password: string) =>
      unwrapAuth(await api.POST('/partner/auth/two-factor/enable', { body: { password } })),
    onSuccess: (answer) =>
      setStep({ kind: 'scan', totpURI: answer.totpURI ?? '', backupCodes: answer.backupCodes ?? [] }),
  });
  const regenerate = useMutation({
    mutationFn: async (password: string) =>
      unwrapAuth(await api.POST('/partner/auth/two-factor/generate-backup-codes', { body: { password } })),
    onSuccess: (answer) => setStep({ kind: 'codes', codes: answer.backupCodes }),
  });
  const disable = useMutation({
    mutationFn: async (password: string) =>
      unwrapAuth(await api.POST('/partner/auth/two-factor/disable', { body: { password } })),
    onSuccess: async () => {
      setStep({ kind: 'idle' });
      toast.success('Two-factor authentication is off');
      await refresh();
    },
  });
  const cancel = () => {
    for (const mutation of [enable, regenerate, disable]) mutation.reset();
    setStep({ kind: 'idle' });
  };

  return (
    <Card aria-labelledby="two-factor-heading">
      <CardHeader>
        <div className="flex items-center gap-2">
          <h2 id="two-factor-heading" className="font-semibold">
            Two-factor authentication
          </h2>
          <Badge variant={enabled ? 'default' : 'outline'}>{enabled ? 'On' : 'Off'}</Badge>
        </div>
        <CardDescription>
          {enabled
            ? 'Signing in with your password also asks for a code from your authenticator app.'
            : 'Ask for a code from an authenticator app whenever someone signs in with your password.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {step.kind === 'idle' &&
          (enabled ? (
            <div className="flex flex-wrap gap-2">
              <Button variant="outline" onClick={() => setStep({ kind: 'regenerate' })}>
                New recovery codes
              </Button>
              <Button variant="outline" onClick={() => setStep({ kind: 'disable' })}>
                Turn off
              </Button>
            </div>
          ) : (
            <Button onClick={() => setStep({ kind: 'enable' })}>Set up two-factor authentication</Button>
          ))}
        {step.kind === 'enable' && (
          <PasswordPrompt
            action="Continue"
            pending={enable.isPending}
            error={enable.error}
            onSubmit={(password) => enable.mutate(password)}
            onCancel={cancel}
          />
        )}
        {step.kind === 'scan' && (
          <TotpSetup
            totpURI={step.totpURI}
            onCancel={cancel}
            onConfirmed={async () => {
              setStep({ kind: 'codes', codes: step.backupCodes });
              toast.success('Two-factor authentication is on');
              await refresh();
            }}
          />
        )}
        {step.kind === 'codes' && <RecoveryCodes codes={step.codes} onDone={cancel} />}
        {step.kind === 'regenerate' && (
          <PasswordPrompt
            action="Create new codes"
            pending={regenerate.isPending}
            error={regenerate.error}
            onSubmit={(password) => regenerate.mutate(password)}
            onCancel={cancel}
          />
        )}
        {step.kind === 'disable' && (
          <PasswordPrompt
            action="Turn off two-factor authentication"
            destructive
            pending={disable.isPending}
            error={disable.error}
            onSubmit={(password) => disable.mutate(password)}
            onCancel={cancel}
          />
        )}
      </CardContent>
    </Card>
  );
}
