import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../harness/totp.js';
import { createAccount, type E2eAccount, mailedLink, signIn, uniqueEmail } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('auth');

// Every browser sign-in comes from 127.0.0.1; the e2e instance raises ATRIUM_SIGN_IN_RATE_LIMIT so
// files do not throttle each other (the helpers use other loopback addresses anyway).
let existing: E2eAccount;
beforeAll(async () => {
  existing = await createAccount({ prefix: 'existing' });
});

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOutFromMenu(page: Page) {
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
}

describe('signing in and out', () => {
  it('sends a visitor without a session to the sign-in page, shown without the app navigation', async () => {
    const { page, url } = dashboard();
    await page.goto('/system');
    await page.waitForURL(`${url}/sign-in?redirect=%2Fsystem`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Atrium' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Forgot your password?' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(await page.getByRole('link', { name: 'Email me a sign-in link' }).getAttribute('href')).toBe(
      '/magic-link',
    );
    await dashboard().screenshot('sign-in');
  });

  it('shows the server’s reason when the password is wrong, and stays on the page', async () => {
    const { page, url } = dashboard();
    await page.goto('/sign-in');
    await fillSignIn(page, existing.email, 'not the right password');
    const alert = page.getByRole('alert');
    await alert.getByText('Invalid email or password').waitFor();
    expect(page.url()).toBe(`${url}/sign-in`);
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    await dashboard().screenshot('sign-in-wrong-password');
  });

  it('signs up, verifies the address from the mailed link, signs in to the dashboard and out again', async () => {
    const { page, url } = dashboard();
    const email = uniqueEmail('newcomer');
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Nora Newcomer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a sufficiently long password');
    await page.getByLabel('Organisation name').fill('Newcomer Labs');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
    await dashboard().screenshot('sign-up-sent');

    const link = await mailedLink(email, 'verify-email');
    expect(link.origin).toBe(url);
    await page.goto(link.href);
    await page.getByRole('heading', { level: 1, name: 'Email address verified' }).waitFor();
    await dashboard().screenshot('email-verified');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.getByLabel('Email').inputValue()).toBe(email);

    await fillSignIn(page, email, 'a sufficiently long password');
    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await dashboard().screenshot('signed-in');

    await signOutFromMenu(page);
    await page.goto('/');
    await page.waitForURL(`${url}/sign-in?redirect=%2F`);
  });

  it('turns on two-factor authentication, then signs in with a code and returns to the page asked for', async () => {
    const { page, url } = dashboard();
    const account = await signIn(dashboard());
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Account and security' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await page.getByLabel('Your password').fill(account.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await dashboard().screenshot('two-factor-scan');

    await page.getByLabel('Code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await dashboard().screenshot('two-factor-recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('On', { exact: true }).waitFor();

    await signOutFromMenu(page);
    await page.goto('/account');
    await page.waitForURL(`${url}/sign-in?redirect=%2Faccount`);
    await fillSignIn(page, account.email, account.password);
    await page.getByRole('heading', { level: 1, name: 'Two-factor authentication' }).waitFor();
    await dashboard().screenshot('two-factor-step');
    await page.getByLabel('Authentication code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(`${url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Account and security' }).waitFor();
    await page.getByRole('table', { name: 'Your sessions' }).getByText('This device').waitFor();
    await dashboard().screenshot('account');
  });

  it('signs in with a mailed link, on a click on the page the link opens, and out from the palette', async () => {
    const { page, url } = dashboard();
    await signOutFromMenu(page);
    await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
    // The sign-in page has an Email field too: wait until the new page replaced it.
    await page.getByRole('heading', { level: 1, name: 'Sign in with a link' }).waitFor();
    await page.getByLabel('Email').fill(existing.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page
      .getByText(`If ${existing.email} has an Atrium account, a sign-in link is on its way.`)
      .waitFor();

    const link = await mailedLink(existing.email, 'magic-link');
    await page.goto(link.href);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Atrium' }).waitFor();
    await dashboard().screenshot('magic-link');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByPlaceholder('Search pages and actions…').fill('sign out');
    await palette.getByRole('option', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${url}/sign-in`);
  });

  it('never left the machine; the only console errors are the refusals the tests provoked', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
