import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AccessTokens } from '../auth/access-tokens';
import { Language } from '../i18n/language';
import { PreferredLanguages } from '../i18n/preferred-languages';
import { AuthErrors, DatabaseErrors } from './common.errors';
import { DomainError } from './domain-error';
import { ErrorFilter } from './error.filter';

interface Answer {
  status: number;
  body: { code: string; message: string; details: Record<string, unknown> };
  headers: Record<string, string>;
}

const tokens = new AccessTokens({
  jwtSecret: 'a-test-secret-of-at-least-32-characters',
  accessTokenTtlSeconds: 60,
} as AppConfig);

/** Where a person's language comes from in these tests, and how often it was asked. */
class Languages implements PreferredLanguages {
  asked = 0;
  constructor(private readonly answer: () => Promise<Language | null>) {}
  async preferredLanguageOf(): Promise<Language | null> {
    this.asked += 1;
    return this.answer();
  }
}

/** Runs the filter on one exception for one request and waits for what it answers. */
function answer(filter: ErrorFilter, exception: unknown, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve) => {
    const sent: Answer = { status: 0, body: { code: '', message: '', details: {} }, headers: {} };
    const response = {
      setHeader: (name: string, value: string) => {
        sent.headers[name.toLowerCase()] = value;
        return response;
      },
      vary: (name: string) => response.setHeader('vary', name),
      status: (status: number) => {
        sent.status = status;
        return response;
      },
      json: (body: Answer['body']) => resolve({ ...sent, body }),
    };
    const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ headers }) }) };
    filter.catch(exception, host as unknown as ArgumentsHost);
  });
}

const signedIn = () => ({ authorization: `Bearer ${tokens.sign({ id: randomUUID(), roles: ['applicant'] })}` });

describe('the language of an error answer', () => {
  // The 500 and 503 here are logged as errors by design; the log is not what is tested.
  beforeAll(() => Logger.overrideLogger(false));

  it('is the signed-in person’s preferred language, before the header', async () => {
    const languages = new Languages(async () => 'ru');
    const res = await answer(new ErrorFilter(tokens, languages), new DomainError(AuthErrors.FORBIDDEN), {
      ...signedIn(),
      'accept-language': 'kk',
    });
    expect(res).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' }, headers: { 'content-language': 'ru' } });
    expect(res.body.message).toBe('Ваши роли не позволяют выполнить это действие');
    expect(languages.asked).toBe(1);
  });

  it('goes by the header when the person is not found, the lookup fails or takes too long', async () => {
    for (const lookup of [
      async () => null,
      async () => Promise.reject(new Error('connection refused')),
      () => new Promise<Language>(() => undefined),
    ]) {
      const started = Date.now();
      const res = await answer(new ErrorFilter(tokens, new Languages(lookup)), new DomainError(AuthErrors.FORBIDDEN), {
        ...signedIn(),
        'accept-language': 'kk-KZ',
      });
      expect(res.headers['content-language']).toBe('kk');
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('does not ask the database about a person while the database is unreachable', async () => {
    const languages = new Languages(async () => 'kk');
    const res = await answer(
      new ErrorFilter(tokens, languages),
      new DomainError(DatabaseErrors.UNAVAILABLE, { retryAfterSeconds: 5 }),
      { ...signedIn(), 'accept-language': 'ru' },
    );
    expect(res).toMatchObject({ status: 503, headers: { 'content-language': 'ru', 'retry-after': '5' } });
    expect(languages.asked).toBe(0);
  });

  it('asks nobody for a caller without a valid token, and is English when the header names none of ours', async () => {
    const languages = new Languages(async () => 'kk');
    const filter = new ErrorFilter(tokens, languages);
    const res = await answer(filter, new DomainError(AuthErrors.UNAUTHENTICATED), { authorization: 'Bearer forged' });
    expect(res.body).toEqual({
      code: 'AUTH.UNAUTHENTICATED',
      message: 'A valid access token is required',
      details: {},
    });
    expect((await answer(filter, new Error('boom'), { 'accept-language': 'de' })).body).toEqual({
      code: 'INTERNAL',
      message: 'Unexpected error; it has been logged',
      details: {},
    });
    expect(languages.asked).toBe(0);
  });

  it('works without a source of preferred languages (a module built without users)', async () => {
    const res = await answer(
      new ErrorFilter(),
      new DomainError(AuthErrors.TOO_MANY_ATTEMPTS, { retryAfterSeconds: 30 }),
      {
        ...signedIn(),
        'accept-language': 'ru',
      },
    );
    expect(res.body).toEqual({
      code: 'AUTH.TOO_MANY_ATTEMPTS',
      message: 'Слишком много неудачных попыток; повторите через 30 с',
      details: { retryAfterSeconds: 30 },
    });
  });
});
