import { describe, expect, it } from 'vitest';
import { describeDevice } from './describe-device';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirect('/account')).toBe('/account');
    expect(safeRedirect('/system?tab=modules#x')).toBe('/system?tab=modules#x');
  });

  it('sends anything else home: other sites, protocol-relative and backslash tricks, nothing', () => {
    for (const target of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      undefined,
    ]) {
      expect(safeRedirect(target)).toBe('/');
    }
  });
});

describe('describeDevice', () => {
  it('names browser and system from a User-Agent', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome on Linux');
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(
      describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0'),
    ).toBe('Firefox on Windows');
    expect(describeDevice(null)).toBe('Unknown device');
  });
});
