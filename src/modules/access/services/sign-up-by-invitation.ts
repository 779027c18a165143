import type { Context } from 'hono';
import { clientIp } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { AppEnv } from '../../../kernel/http/route.js';
import { markEmailVerified, signUpWithPassword } from '../../identity/index.js';
import { acceptInvitation } from './accept-invitation.js';
import { assertInvitedEmail, findUsableInvitation } from './find-invitation-by-token.js';

export interface SignUpByInvitationInput {
  name: string;
  email: string;
  password: string;
  token: string;
}

/**
 * Sign-up through an invitation link: the account is created only for a usable invitation to the
 * same address, its email counts as verified (the link proves the inbox), and it joins the tenant.
 * The identity module's own refusals (throttling, a rejected password) are thrown as problems.
 */
export async function signUpByInvitation(c: Context<AppEnv>, input: SignUpByInvitationInput): Promise<void> {
  const { services } = c.env;
  // Checked before any account exists: a bad link creates nothing.
  assertInvitedEmail(await findUsableInvitation(services, input.token), input.email);
  const created = await signUpWithPassword(
    c,
    { name: input.name, email: input.email, password: input.password },
    { inboxProven: true },
  );
  if (!created.userId) {
    // The link proves the inbox, so saying that the address has an account reveals nothing new.
    throw new ProblemError(
      'conflict',
      `${input.email} already has an Atrium account: sign in, then open the invitation link again to accept it.`,
    );
  }
  await acceptInvitation(services, {
    token: input.token,
    user: { id: created.userId, email: input.email },
    actor: {
      type: 'user',
      id: created.userId,
      label: input.email,
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.env.requestId,
    },
  });
  await markEmailVerified(services, created.userId);
}
