import { randomBytes } from 'node:crypto';
import type { AppServices } from '../../../kernel/context.js';
import { SecretBox } from '../../../kernel/crypto/sealed.js';

const boxes = new WeakMap<AppServices['config'], SecretBox>();

/** The box that seals endpoint secrets, one per configuration (its key is derived once). */
export function endpointSecretBox(config: AppServices['config']): SecretBox {
  let box = boxes.get(config);
  if (!box) {
    box = SecretBox.fromConfig(config, 'webhooks/endpoint-secret');
    boxes.set(config, box);
  }
  return box;
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
