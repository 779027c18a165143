import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { AuthCard } from '../components/auth-card';
import { PasswordStep } from '../components/password-step';
import { TwoFactorStep } from '../components/two-factor-step';
import { useFinishSignIn } from '../use-finish-sign-in';

export function SignInPage({
  redirect,
  email,
}: {
  redirect?: string | undefined;
  email?: string | undefined;
}) {
  const [step, setStep] = useState<'password' | 'second-factor'>('password');
  const finish = useFinishSignIn(redirect);

  if (step === 'second-factor') {
    return (
      <AuthCard
        title="Two-factor authentication"
        description="Your account is protected with a second factor. Enter a code to finish signing in."
      >
        <TwoFactorStep onSignedIn={finish} onRestart={() => setStep('password')} />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Sign in to Atrium"
      description="Welcome back. Sign in with your email address and password."
      footer={
        <p className="text-muted-foreground">
          New here?{' '}
          <Link to="/sign-up" className="font-medium text-foreground underline-offset-4 hover:underline">
            Create an account
          </Link>
        </p>
      }
    >
      <PasswordStep
        initialEmail={email}
        onSignedIn={finish}
        onSecondFactor={() => setStep('second-factor')}
      />
    </AuthCard>
  );
}
