import { describe, expect, it } from 'vitest';
import { checkLogo } from './logo.js';

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const dataUrl = (type: string, bytes: Buffer | string) =>
  `data:${type};base64,${(typeof bytes === 'string' ? Buffer.from(bytes) : bytes).toString('base64')}`;
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(8)]);

describe('checkLogo', () => {
  it('accepts PNG, JPEG, WebP and a plain SVG whose bytes match their type', () => {
    expect(checkLogo(`data:image/png;base64,${PNG}`)).toEqual({ ok: true, type: 'image/png', bytes: 70 });
    expect(checkLogo(dataUrl('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])))).toMatchObject({
      ok: true,
    });
    expect(checkLogo(dataUrl('image/webp', webp))).toMatchObject({ ok: true, type: 'image/webp' });
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect fill="#0a7cff" width="1" height="1"/></svg>';
    expect(checkLogo(dataUrl('image/svg+xml', svg))).toMatchObject({ ok: true, type: 'image/svg+xml' });
  });

  it('refuses what is not a base64 image data URL', () => {
    for (const input of [
      'https://example.com/logo.png',
      `data:image/gif;base64,R0lGODlh`,
      `data:image/png,${PNG}`,
      'data:image/png;base64,@@@',
    ]) {
      expect(checkLogo(input)).toEqual({
        ok: false,
        message: 'Expected a base64 data URL of a PNG, JPEG, SVG or WebP image.',
      });
    }
    expect(checkLogo('data:image/png;base64,')).toEqual({ ok: false, message: 'The image is empty.' });
  });

  it('refuses bytes that do not match the declared type', () => {
    expect(checkLogo(`data:image/jpeg;base64,${PNG}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a JPEG'),
    });
    expect(checkLogo(dataUrl('image/png', webp))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a PNG'),
    });
    expect(checkLogo(dataUrl('image/svg+xml', 'hello'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a SVG'),
    });
  });

  it('refuses an image over 256 KB', () => {
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(256 * 1024)]);
    expect(checkLogo(dataUrl('image/png', big))).toMatchObject({
      ok: false,
      message: expect.stringContaining('limit is 256 KB'),
    });
  });

  it.each([
    '<svg><script>alert(1)</script></svg>',
    '<svg onload="alert(1)"></svg>',
    '<svg><a href="javascript:alert(1)">x</a></svg>',
    '<svg><image href="https://tracker.example/p.png"/></svg>',
    '<svg><use xlink:href="//evil.example/s.svg#a"/></svg>',
    '<svg><foreignObject><div/></foreignObject></svg>',
    '<svg><style>@import url(x.css);</style></svg>',
  ])('refuses an active or outward-reaching SVG: %s', (svg) => {
    expect(checkLogo(dataUrl('image/svg+xml', svg))).toEqual({
      ok: false,
      message: 'SVG logos may not contain scripts, event handlers or references to other addresses.',
    });
  });
});
