import type { AppServices } from '../../../kernel/context.js';
import { authFor } from './auth.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
}

/**
 * A user with a verified email and a password, created the way better-auth's own admin plugin
 * does (its hasher, its adapter): for the demo world and the CLI, where no inbox exists to
 * verify. Nothing reachable over HTTP calls this.
 */
export async function createVerifiedUser(services: AppServices, input: NewUser): Promise<{ id: string }> {
  const auth = await authFor(services);
  const context = await auth.$context;
  const email = input.email.toLowerCase();
  if (await context.internalAdapter.findUserByEmail(email)) {
    throw new Error(`a user with the email ${email} already exists`);
  }
  const hash = await context.password.hash(input.password);
  const user = await context.internalAdapter.createUser(
    { email, name: input.name, emailVerified: true },
    { method: 'admin' },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: hash,
  });
  return { id: user.id };
}
