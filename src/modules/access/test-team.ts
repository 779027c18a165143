// Test helpers: a tenant with members in given roles, without going through invitation mail.
import { call, signUpAndSignIn, type TestAccount } from '../../../test/harness/accounts.js';
import type { TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { systemActor } from '../../kernel/http/actor.js';
import { addMember } from './services/add-member.js';

export interface TeamAccount extends TestAccount {
  tenantId: string;
}

/** A new user and their new tenant, as its Owner. */
export async function ownerOfNewTenant(t: TestApp, email: string): Promise<TeamAccount> {
  const account = await signUpAndSignIn(t, email, { organisationName: `${email.split('@')[0]} Co` });
  const { rows } = await t.services.pool.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM memberships WHERE user_id = $1',
    [account.userId],
  );
  const tenantId = rows[0]?.tenant_id;
  if (!tenantId) throw new Error('no tenant for the new owner');
  return { ...account, tenantId };
}

/** A new user who joins the tenant with a role (by key). */
export async function memberOf(
  t: TestApp,
  tenantId: string,
  email: string,
  roleKey: string,
): Promise<TeamAccount> {
  const account = await signUpAndSignIn(t, email, { organisationName: null });
  await withTenant(t.services.pool, tenantId, (tx) =>
    addMember(tx, { userId: account.userId, userLabel: email, roleKey, actor: systemActor('test') }),
  );
  return { ...account, tenantId };
}

export async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

interface Listed {
  data: { id: string; key?: string; user?: { email: string } }[];
}

/** The public id of a role (by key) as the caller sees it. */
export async function roleIdOf(t: TestApp, account: TestAccount, key: string): Promise<string> {
  const roles = await json<Listed>(call(t, 'GET', '/partner/roles', undefined, account));
  const role = roles.data.find((item) => item.key === key);
  if (!role) throw new Error(`no role ${key}`);
  return role.id;
}

/** The public id of a member (by email) as the caller sees it. */
export async function memberIdOf(t: TestApp, account: TestAccount, email: string): Promise<string> {
  const members = await json<Listed>(call(t, 'GET', '/partner/team/members', undefined, account));
  const member = members.data.find((item) => item.user?.email === email);
  if (!member) throw new Error(`no member ${email}`);
  return member.id;
}

/** The audit actions of the tenant, oldest first. */
export async function auditActions(t: TestApp, tenantId: string): Promise<string[]> {
  const { rows } = await t.services.pool.query<{ action: string }>(
    'SELECT action FROM audit_events WHERE tenant_id = $1 ORDER BY seq',
    [tenantId],
  );
  return rows.map((row) => row.action);
}

/**
 * The token of the newest invitation mailed to an address (other than `previous`), once the
 * worker has delivered it to the development mailbox.
 */
export async function invitationToken(t: TestApp, email: string, previous?: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { rows } = await t.services.pool.query<{ text: string }>(
      `SELECT text FROM mail_dev_mailbox WHERE "to" = $1 ORDER BY received_at DESC LIMIT 1`,
      [email],
    );
    const token = rows[0]?.text.match(/\/invitations\/accept\?token=([\w-]+)/)?.[1];
    if (token && token !== previous) return token;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no invitation mail for ${email}`);
}
