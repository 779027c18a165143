import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, describeConfig, loadConfig } from './config.js';

describe('configuration', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      ATRIUM_DATA_DIR: '.atrium',
      NODE_ENV: 'development',
      ATRIUM_BUILD_WEB: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('coerces numbers and flags', () => {
    const config = loadConfig({ PORT: '8080', ATRIUM_BUILD_WEB: '0', ATRIUM_SEED_DEMO: 'false' });
    expect(config).toMatchObject({ PORT: 8080, ATRIUM_BUILD_WEB: false, ATRIUM_SEED_DEMO: false });
  });

  it('reports every invalid variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://db', ATRIUM_MODULES: 'Bad Module' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((problem) => problem.variable).sort();
    expect(variables).toEqual(['ATRIUM_MODULES', 'DATABASE_URL', 'PORT']);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration: /);
  });

  it('requires ATRIUM_SECRET in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /ATRIUM_SECRET: required when NODE_ENV=production/,
    );
    expect(loadConfig({ NODE_ENV: 'production', ATRIUM_SECRET: 'x'.repeat(32) }).ATRIUM_SECRET).toHaveLength(
      32,
    );
    expect(() => loadConfig({ ATRIUM_SECRET: 'short' })).toThrow(
      /ATRIUM_SECRET: must be at least 32 characters/,
    );
  });

  it('describes every variable for the README, each with a description', () => {
    const rows = describeConfig();
    expect(rows.map((row) => row.variable)).toEqual(Object.keys(configSchema.shape));
    for (const row of rows) expect(row.description.length).toBeGreaterThan(10);
    expect(rows.find((row) => row.variable === 'PORT')?.default).toBe('3000');
  });
});
