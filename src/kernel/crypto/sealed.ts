import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { resolveSecret } from '../secret.js';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * AES-256-GCM for secrets Atrium must be able to read back (webhook signing secrets), with a key
 * derived from the installation secret by HKDF-SHA256. `purpose` goes into the derivation, so a
 * value sealed for one purpose cannot be opened as another. Sealed text:
 * `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(installationSecret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', installationSecret, 'atrium', `atrium:${purpose}`, 32));
  }

  static fromConfig(config: Config, purpose: string): SecretBox {
    return new SecretBox(resolveSecret(config), purpose);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map(encode).join('.');
  }

  /** Throws when the text was not sealed by this box (another key, another purpose, tampered). */
  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

function encode(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}
