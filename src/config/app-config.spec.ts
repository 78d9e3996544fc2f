import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for local development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/startup',
      redisUrl: 'redis://127.0.0.1:6379',
      migrationsRun: true,
      accessTokenTtlSeconds: 900,
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reports every bad variable at once, by name', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '0',
        DATABASE_URL: 'mysql://x',
        MIGRATIONS_RUN: 'maybe',
        LOG_LEVEL: 'loud',
        ADMIN_EMAIL: 'a@b.kz',
        NODE_ENV: 'staging',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'MIGRATIONS_RUN',
      'LOG_LEVEL',
      'ADMIN_EMAIL and ADMIN_PASSWORD',
      'NODE_ENV',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('keys pseudonyms with JWT_SECRET unless PSEUDONYM_SECRET is set, and checks the open-data publisher', () => {
    expect(loadConfig({ JWT_SECRET: 'j'.repeat(32) }).pseudonymSecret).toBe('j'.repeat(32));
    expect(loadConfig({ PSEUDONYM_SECRET: 'p'.repeat(32) }).pseudonymSecret).toBe('p'.repeat(32));
    expect(loadConfig({}).openData.grantIdPrefix).toBe('360G-startup');
    expect(() =>
      loadConfig({ PSEUDONYM_SECRET: 'short', GRANT_ID_PREFIX: 'startup', PUBLIC_CACHE_SECONDS: '-1' }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringContaining('PUBLIC_CACHE_SECONDS'),
          expect.stringContaining('PSEUDONYM_SECRET'),
          expect.stringContaining('GRANT_ID_PREFIX'),
        ],
      }),
    );
  });

  it('demands a real secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'development-only-secret-change-me-0123456789' }),
    ).toThrow(/development default/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) }).jwtSecret).toBe('p'.repeat(48));
  });

  it('normalises the admin email and accepts booleans in the usual spellings', () => {
    const config = loadConfig({
      ADMIN_EMAIL: 'Admin@Example.KZ',
      ADMIN_PASSWORD: 'long-enough-pw',
      MIGRATIONS_RUN: 'false',
    });
    expect(config.adminEmail).toBe('admin@example.kz');
    expect(config.migrationsRun).toBe(false);
  });
});
