import { describe, expect, it } from 'vitest';
import { SecretBox } from './sealed.js';

const INSTALLATION = 'an installation secret of at least thirty-two characters';

describe('SecretBox', () => {
  it('opens what it sealed, and each seal differs (random IV)', () => {
    const box = new SecretBox(INSTALLATION, 'webhooks');
    const first = box.seal('whsec_abc');
    expect(first).not.toContain('whsec_abc');
    expect(box.seal('whsec_abc')).not.toBe(first);
    expect(box.open(first)).toBe('whsec_abc');
  });

  it('refuses text sealed for another purpose, with another secret, or tampered with', () => {
    const sealed = new SecretBox(INSTALLATION, 'webhooks').seal('whsec_abc');
    expect(() => new SecretBox(INSTALLATION, 'other').open(sealed)).toThrow();
    expect(() => new SecretBox(`${INSTALLATION}!`, 'webhooks').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => new SecretBox(INSTALLATION, 'webhooks').open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(INSTALLATION, 'webhooks').open('plain')).toThrow();
  });
});
