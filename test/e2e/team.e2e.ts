import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/core-world.js';
import { query, signIn } from './accounts.js';
import { type Dashboard, launchBrowser, openDashboard } from './browser.js';

/**
 * The team flow across two people: an Owner invites from the Team page, the invitee opens the
 * mailed link in their own browser, gets an account and accepts, and the Owner then sees them and
 * changes their role. Runs against the demo world (Harbor Bank's Owner) that `atrium start` seeds.
 */
const url = inject('atriumUrl');
const invitee = `newcomer-${Date.now()}@harbor-bank.example`;
const PASSWORD = 'a long invitee password';

let browser: Browser;
let owner: Dashboard;
let guest: Dashboard;

/** Signs a browser in as an existing account (through the API, from its own loopback address). */
const signedIn = (dashboard: Dashboard, email: string, password: string) =>
  signIn(dashboard, { name: email, email, password });

/** The newest mail to an address with a subject, read from the development mailbox's table. */
async function newestMailTo(email: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  let mail: { subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const rows = await query<{ subject: string; text: string }>(
          'SELECT subject, text FROM mail_dev_mailbox WHERE "to" = $1 ORDER BY received_at DESC',
          [email],
        );
        mail = rows.find((message) => subject.test(message.subject));
        return mail !== undefined;
      },
      { timeout: 20_000, interval: 250 },
    )
    .toBe(true);
  return mail as { subject: string; text: string };
}

/** Verifies an address directly in the database (the verification mail has its own tests). */
async function markVerified(email: string): Promise<void> {
  await query('UPDATE auth_user SET email_verified = true WHERE lower(email) = lower($1)', [email]);
}

/** A link from a mail as a path on this instance (mails carry the configured public address). */
const pathOf = (text: string, pattern: RegExp) => {
  const link = text.match(pattern)?.[0];
  if (!link) throw new Error(`no link matching ${pattern} in: ${text}`);
  const parsed = new URL(link);
  return `${parsed.pathname}${parsed.search}`;
};

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await openDashboard(browser, 'team-owner');
  guest = await openDashboard(browser, 'team-invitee');
  await signedIn(owner, 'owner@harbor-bank.example', DEMO_PASSWORD);
});
afterAll(async () => {
  await owner?.close();
  await guest?.close();
  await browser?.close();
});

describe('team: invite, accept, re-role', () => {
  it('invites a member from the Team page', async () => {
    const { page } = owner;
    await page.goto('/access/team');
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByText('admin@harbor-bank.example').waitFor();
    await owner.screenshot('team');

    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill(invitee);
    await dialog.getByLabel('Role').selectOption({ label: 'Developer' });
    await owner.screenshot('invite-dialog');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${invitee}`).waitFor();
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByText(invitee).waitFor();
    await owner.screenshot('invited');
  });

  it('lets the invitee open the mailed link in their own browser, sign up through it and join', async () => {
    const mail = await newestMailTo(invitee, /^Join /);
    expect(mail.subject).toBe('Join Harbor Bank on Atrium');
    const acceptPath = pathOf(mail.text, /https?:\/\/\S+\/access\/invitations\/accept\?token=[\w-]+/);

    const { page } = guest;
    await page.goto(acceptPath);
    await page.getByRole('heading', { name: 'Join Harbor Bank' }).waitFor();
    await page.getByText('Developer', { exact: true }).waitFor();
    await guest.screenshot('signed-out');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/sign-up\?invitation=/);
    await page.getByLabel('Your name').fill('Nina Newcomer');
    await page.getByLabel('Email').fill(invitee);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('You joined the organisation').waitFor();
    await guest.screenshot('joined');

    // The account is verified by the invitation itself: signing in works at once.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/`);
    const access = await page.evaluate(async () => (await fetch('/partner/access')).json());
    expect(access).toMatchObject({ tenant: { name: 'Harbor Bank' }, role: { key: 'developer' } });

    // The link is used up.
    await page.goto(acceptPath);
    await page.getByRole('heading', { name: 'This invitation cannot be used' }).waitFor();
  });

  it('lets a signed-in user with the invited address accept with one click', async () => {
    const email = `second-${Date.now()}@harbor-bank.example`;
    const invited = await owner.page.evaluate(
      async ({ email }) => {
        const roles = (await (await fetch('/partner/roles')).json()) as {
          data: { id: string; key: string }[];
        };
        const viewerRole = roles.data.find((role) => role.key === 'viewer')?.id;
        const response = await fetch('/partner/team/invitations', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, roleId: viewerRole }),
        });
        return response.status;
      },
      { email },
    );
    expect(invited).toBe(201);
    const acceptPath = pathOf(
      (await newestMailTo(email, /^Join /)).text,
      /https?:\/\/\S+\/access\/invitations\/accept\?token=[\w-]+/,
    );
    // An account that exists already (signed up on its own, verified, with no tenant yet).
    const signUp = await fetch(`${url}/partner/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ name: 'Sam Second', email, password: PASSWORD }),
    });
    expect(signUp.ok).toBe(true);
    await markVerified(email);

    const second = await openDashboard(browser, 'team-second');
    try {
      await signedIn(second, email, PASSWORD);
      await second.page.goto(acceptPath);
      await second.page.getByRole('button', { name: 'Accept invitation' }).click();
      await second.page.waitForURL(`${url}/`);
      await second.page.getByText('Welcome to Harbor Bank').waitFor();
      const access = await second.page.evaluate(async () => (await fetch('/partner/access')).json());
      expect(access).toMatchObject({ tenant: { name: 'Harbor Bank' }, role: { key: 'viewer' } });
      expect(second.errors.filter((error) => !error.includes('status of 401'))).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('shows the new member to the Owner, who changes their role in the table', async () => {
    const { page } = owner;
    await page.goto('/access/team');
    const row = page.getByRole('row').filter({ hasText: invitee });
    const role = row.getByRole('combobox', { name: 'Role of Nina Newcomer' });
    await role.waitFor();
    await role.selectOption({ label: 'Analyst' });
    await page.getByText('Nina Newcomer is now Analyst').waitFor();
    await owner.screenshot('re-roled');
    await expect
      .poll(async () =>
        page.evaluate(async (email) => {
          const members = (await (await fetch('/partner/team/members')).json()) as {
            data: { user: { email: string }; role: { key: string } }[];
          };
          return members.data.find((member) => member.user.email === email)?.role.key;
        }, invitee),
      )
      .toBe('analyst');
    expect(await page.getByRole('row').filter({ hasText: invitee }).count()).toBe(1);

    await page.getByRole('tab', { name: 'Activity' }).click();
    const activity = page.getByRole('list', { name: 'Team activity' });
    await activity.getByText(`changed ${invitee}’s role from Developer to Analyst`).waitFor();
    await activity.getByText(`${invitee} joined as Developer`).waitFor();
    await activity.getByText(`invited ${invitee} as Developer`).waitFor();
    expect(page.url()).toContain('tab=activity');
    await owner.screenshot('activity');
    expect(owner.errors).toEqual([]);
    // The invitee's browser was told 401 by the session checks while signed out, and 404 for the
    // used-up link on purpose; nothing else may fail.
    const failed = guest.responses.filter(
      (response) =>
        response.status >= 400 &&
        response.status !== 401 &&
        !(response.status === 404 && response.url.includes('/partner/invitations/')),
    );
    expect(failed).toEqual([]);
    expect(guest.errors.filter((error) => !error.startsWith('console: Failed to load resource'))).toEqual([]);
    expect([...owner.outside, ...guest.outside]).toEqual([]);
  });

  it('builds a custom role from the catalogue on the Roles page; the matrix shows it', async () => {
    const { page } = owner;
    await page.goto('/access/roles');
    const matrix = page.getByRole('table', { name: 'Permission matrix' });
    await matrix.getByRole('rowheader', { name: /team:manage/ }).waitFor();
    await owner.screenshot('roles');

    await page.getByRole('button', { name: 'New role' }).click();
    const dialog = page.getByRole('dialog', { name: 'New custom role' });
    await dialog.getByLabel('Name', { exact: true }).fill('Release manager');
    await dialog.getByRole('checkbox', { name: /team:read/ }).check();
    await dialog.getByRole('checkbox', { name: /team:manage/ }).check();
    await owner.screenshot('role-editor');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await page.getByText('Release manager was created').waitFor();
    await matrix.getByRole('columnheader', { name: /Release manager/ }).waitFor();
    const row = matrix.getByRole('row', { name: /team:manage/ });
    await row.getByText('Release manager has team:manage').waitFor();
    expect(await row.getByText('Release manager does not have team:manage').count()).toBe(0);
  });

  it('hides what a Viewer cannot do', async () => {
    const viewer = await openDashboard(browser, 'team-viewer');
    try {
      await signedIn(viewer, 'viewer@harbor-bank.example', DEMO_PASSWORD);
      await viewer.page.goto('/access/team');
      await viewer.page
        .getByRole('table', { name: 'Members' })
        .getByText('owner@harbor-bank.example')
        .waitFor();
      expect(await viewer.page.getByRole('button', { name: 'Invite member' }).count()).toBe(0);
      expect(await viewer.page.getByRole('combobox').count()).toBe(0);
      expect(await viewer.page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
      await viewer.page.getByRole('button', { name: 'Leave the team' }).waitFor();
      await viewer.screenshot('team');
      await viewer.page.goto('/access/roles');
      await viewer.page.getByRole('table', { name: 'Permission matrix' }).waitFor();
      expect(await viewer.page.getByRole('button', { name: 'New role' }).count()).toBe(0);
      expect(await viewer.page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.close();
    }
  });
});
