import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Set around a sign-up whose caller has proven the inbox another way (an invitation link): better-auth
 * mails a verification link on every sign-up, and this tells its mail callback to skip it. A scope,
 * not a request field, so no client can ask for it.
 */
export const inboxProvenScope = new AsyncLocalStorage<true>();
