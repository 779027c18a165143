import { createHash, randomBytes } from 'node:crypto';
import { INVITATION_TTL_DAYS } from '../contract.js';

/** 32 random bytes for the link; only the SHA-256 is stored, so a database leak holds no live link. */
export function newInvitationToken(now = new Date()): { token: string; hash: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    hash: hashInvitationToken(token),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
  };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
