/**
 * Tenant logos arrive as data URLs and are shown in the dashboard, reports and exports. The
 * declared type must match the bytes, and SVG (which can carry scripts) is refused when it holds
 * anything active or reaches outside itself, so a logo can be embedded anywhere without thought.
 */
export const MAX_LOGO_BYTES = 256 * 1024;

const DATA_URL = /^data:(image\/(?:png|jpeg|svg\+xml|webp));base64,([A-Za-z0-9+/]*={0,2})$/;
const ACTIVE_SVG =
  /<script|<foreignobject|\bon[a-z]+\s*=|javascript:|(?:href|src)\s*=\s*["']?\s*(?:https?:|\/\/)|@import/i;

export type LogoCheck = { ok: true; type: string; bytes: number } | { ok: false; message: string };

export function checkLogo(dataUrl: string): LogoCheck {
  const match = DATA_URL.exec(dataUrl);
  if (!match) {
    return { ok: false, message: 'Expected a base64 data URL of a PNG, JPEG, SVG or WebP image.' };
  }
  const type = match[1] ?? '';
  const bytes = Buffer.from(match[2] ?? '', 'base64');
  if (bytes.length === 0) return { ok: false, message: 'The image is empty.' };
  if (bytes.length > MAX_LOGO_BYTES) {
    return { ok: false, message: `The image is ${Math.ceil(bytes.length / 1024)} KB; the limit is 256 KB.` };
  }
  const mismatch = contentMismatch(type, bytes);
  if (mismatch) return { ok: false, message: mismatch };
  return { ok: true, type, bytes: bytes.length };
}

function contentMismatch(type: string, bytes: Buffer): string | undefined {
  switch (type) {
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ? undefined : notA('PNG');
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]) ? undefined : notA('JPEG');
    case 'image/webp':
      return bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP'
        ? undefined
        : notA('WebP');
    default:
      return svgProblem(bytes.toString('utf8'));
  }
}

function svgProblem(text: string): string | undefined {
  if (!/<svg[\s>]/i.test(text)) return notA('SVG');
  if (ACTIVE_SVG.test(text)) {
    return 'SVG logos may not contain scripts, event handlers or references to other addresses.';
  }
  return undefined;
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

const notA = (kind: string) => `The data is not a ${kind} image, although the data URL says it is.`;
