/** A mail better-auth asks Atrium to send; `queueMail` adds the recipient. */
export interface AuthMail {
  subject: string;
  text: string;
}

/**
 * Mailed links open dashboard pages, not better-auth's endpoints: the page calls the endpoint on
 * the user's behalf (after a click where the token is single-use), so a mail scanner that
 * prefetches links cannot consume a token, and errors show on a page instead of a bare redirect.
 */
export function authMails(baseURL: string) {
  const link = (page: string, token: string) => `${baseURL}/${page}?token=${encodeURIComponent(token)}`;
  return {
    verifyEmail: (token: string): AuthMail => ({
      subject: 'Verify your email address for Atrium',
      text: `Open this link to verify your email address: ${link('verify-email', token)}\n\nThe link is valid for one hour.`,
    }),
    resetPassword: (token: string): AuthMail => ({
      subject: 'Reset your Atrium password',
      text: `Open this link to choose a new password: ${link('reset-password', token)}\n\nThe link is valid for one hour and works once. If you did not ask for it, ignore this mail: your password stays as it is.`,
    }),
    existingAccount: (): AuthMail => ({
      subject: 'You already have an Atrium account',
      text: `Someone, probably you, tried to sign up to Atrium with this email address, which already has an account. Sign in at ${baseURL}/sign-in, or choose a new password at ${baseURL}/forgot-password.\n\nIf it was not you, ignore this mail: nothing changed.`,
    }),
    magicLink: (token: string): AuthMail => ({
      subject: 'Your Atrium sign-in link',
      text: `Open this link to sign in to Atrium: ${link('magic-link', token)}\n\nThe link is valid for five minutes and works once. If you did not ask for it, ignore this mail.`,
    }),
  };
}
