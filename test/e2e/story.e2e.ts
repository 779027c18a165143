import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/core-world.js';
import { apiRequest, browserCookie, signIn, uniqueEmail } from './accounts.js';
import { type Dashboard, launchBrowser, openDashboard } from './browser.js';

/**
 * Issue 3's whole story, as people do it: a partner signs up, sets up a project and an app,
 * invites a colleague, who opens the invitation from the mailbox in their own browser and joins as
 * a Viewer; the Viewer cannot create apps (no button, and a 403 from the API); the Owner promotes
 * them; the audit trail shows every step and its chain verifies.
 */
const PASSWORD = 'a long and private password';
const owner = { email: uniqueEmail('story-owner'), organisation: `Story Co ${Date.now()}` };
const colleague = { email: uniqueEmail('story-colleague'), name: 'Cleo Colleague' };

let browser: Browser;
let ownerBrowser: Dashboard;
let operatorBrowser: Dashboard;
let colleagueBrowser: Dashboard;

beforeAll(async () => {
  browser = await launchBrowser();
  ownerBrowser = await openDashboard(browser, 'story-owner');
  operatorBrowser = await openDashboard(browser, 'story-operator');
  colleagueBrowser = await openDashboard(browser, 'story-colleague');
  // The development mailbox is read by operator staff: the demo world's operator admin.
  await signIn(operatorBrowser, {
    name: 'Oscar Operator',
    email: 'operator@atrium.example',
    password: DEMO_PASSWORD,
  });
});
afterAll(async () => {
  for (const dashboard of [ownerBrowser, operatorBrowser, colleagueBrowser]) await dashboard?.close();
  await browser?.close();
});

/** Submits a form and waits for what success shows. */
async function submit(button: Locator, done: Locator): Promise<void> {
  await button.click();
  await done.waitFor();
}

/** The operator opens the newest mail to an address in the mailbox page and reads its link. */
async function linkFromMailbox(to: string, subject: RegExp): Promise<string> {
  const { page } = operatorBrowser;
  await page.goto(`/operator/mailbox?to=${encodeURIComponent(to)}`);
  const message = page
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem')
    .filter({ hasText: subject });
  await message.first().waitFor({ timeout: 20_000 });
  await message.first().locator('summary').click();
  const href = await message.first().getByRole('link').first().getAttribute('href');
  expect(href).toBeTruthy();
  return href as string;
}

describe('the identity, tenancy, team and audit story', () => {
  it('signs up, verifies the address from the mailbox and signs in as the Owner of a new tenant', async () => {
    const { page, url } = ownerBrowser;
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Olga Owner');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Organisation name').fill(owner.organisation);
    await submit(
      page.getByRole('button', { name: 'Create account' }),
      page.getByRole('heading', { level: 1, name: 'Check your inbox' }),
    );

    await page.goto(await linkFromMailbox(owner.email, /verify/i));
    await page.getByRole('heading', { level: 1, name: 'Email address verified' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Password').fill(PASSWORD);
    await submit(
      page.getByRole('button', { name: 'Sign in' }),
      page.getByRole('navigation', { name: 'Main' }),
    );
    expect(page.url()).toBe(`${url}/`);
    await page
      .getByRole('button', { name: `Organisation: ${owner.organisation}. Switch organisation` })
      .waitFor();
    await ownerBrowser.screenshot('story-signed-in');
  });

  it('creates a project and an app in it', async () => {
    const { page } = ownerBrowser;
    await page.goto('/tenancy/projects');
    await page.getByRole('button', { name: 'New project' }).first().click();
    const projectDialog = page.getByRole('dialog', { name: 'New project' });
    await projectDialog.getByLabel('Name').fill('Payments');
    await projectDialog.getByRole('button', { name: 'Create project' }).click();
    await projectDialog.waitFor({ state: 'detached' });

    await page.goto('/tenancy/apps');
    await page.getByRole('button', { name: 'New app' }).first().click();
    const appDialog = page.getByRole('dialog', { name: 'New app' });
    await appDialog.getByLabel('Project').selectOption({ label: 'Payments' });
    await appDialog.getByLabel('Name').fill('Checkout');
    await appDialog.getByRole('button', { name: 'Create app' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  });

  it('invites a colleague as Viewer, who joins from the mailed invitation in another browser', async () => {
    const { page } = ownerBrowser;
    await page.goto('/access/team');
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill(colleague.email);
    await dialog.getByLabel('Role').selectOption({ label: 'Viewer' });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('table', { name: 'Pending invitations' }).getByText(colleague.email).waitFor();

    const invitation = await linkFromMailbox(colleague.email, new RegExp(`Join ${owner.organisation}`));
    const guest = colleagueBrowser.page;
    await guest.goto(invitation);
    await guest.getByRole('heading', { name: `Join ${owner.organisation}` }).waitFor();
    await guest.getByRole('link', { name: 'Create an account' }).click();
    await guest.getByLabel('Your name').fill(colleague.name);
    await guest.getByLabel('Email').fill(colleague.email);
    await guest.getByLabel('Password').fill(PASSWORD);
    await submit(
      guest.getByRole('button', { name: 'Create account' }),
      guest.getByText('You joined the organisation'),
    );
    await colleagueBrowser.screenshot('story-joined');
  });

  it('hides "New app" from the Viewer, and the API refuses the Viewer with 403', async () => {
    await signIn(colleagueBrowser, { ...colleague, password: PASSWORD });
    const { page } = colleagueBrowser;
    await page.goto('/tenancy/apps');
    await page.getByRole('table', { name: 'Apps' }).getByText('Checkout').waitFor();
    expect(await page.getByRole('button', { name: 'New app' }).count()).toBe(0);

    const apps = await apiRequest('GET', '/partner/apps', { cookie: await browserCookie(colleagueBrowser) });
    const projectId = (apps.body as { data: { project: { id: string } }[] }).data[0]?.project.id;
    const refused = await apiRequest('POST', '/partner/apps', {
      cookie: await browserCookie(colleagueBrowser),
      body: { projectId, name: 'Not allowed', environment: 'sandbox' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
  });

  it('lets the Owner make the colleague an Admin, after which "New app" appears for them', async () => {
    const { page } = ownerBrowser;
    await page.goto('/access/team');
    const role = page.getByRole('row').filter({ hasText: colleague.email }).getByRole('combobox');
    await role.selectOption({ label: 'Admin' });
    await page.getByText(`${colleague.name} is now Admin`).waitFor();

    const guest = colleagueBrowser.page;
    await guest.goto('/tenancy/apps');
    await guest.getByRole('button', { name: 'New app' }).first().waitFor();
  });

  it('shows every step on the audit page, and the chain verifies', async () => {
    const { page } = ownerBrowser;
    await page.goto('/audit');
    const table = page.getByRole('table', { name: 'Audit events' });
    for (const action of [
      'tenant.created',
      'member.added',
      'project.created',
      'app.created',
      'invitation.created',
      'invitation.accepted',
      'member.role_changed',
    ]) {
      await table.getByText(action, { exact: true }).first().waitFor();
    }
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/^Chain intact: \d+ events verified\.$/).waitFor();
    await ownerBrowser.screenshot('story-audit');
  });
});
