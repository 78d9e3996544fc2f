import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/translator';
import { daysUntil } from '../i18n/formats';
import { PageContext, PageContextHolder } from './page-context';
import { Layout } from '../ui/layout';
import { ErrorSummary, TextField } from '../ui/form';
import { VNode } from 'preact';
import { safeLocalPath } from './web-result';

const context = (language: 'kk' | 'ru' | 'en'): PageContext => ({
  language,
  t: translator(language),
  nonce: 'n0nce',
  csrfToken: 'tok"en',
  path: '/x?a=<b>',
  user: { name: '<script>alert(1)</script>', roles: ['applicant'] },
  assets: { css: '/assets/site.css', htmx: '/assets/htmx.js', app: '/assets/app.js' },
});

const render = (node: VNode, language: 'kk' | 'ru' | 'en' = 'kk'): string =>
  renderToString(<PageContextHolder.Provider value={context(language)}>{node}</PageContextHolder.Provider>);

describe('rendering', () => {
  it('escapes text and attributes that carry markup', () => {
    const html = render(
      <Layout title={'"><img src=x onerror=alert(1)>'}>
        <TextField name="title" label="<b>Title</b>" value={'"><script>alert(2)</script>'} />
      </Layout>,
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('value="&quot;>&lt;script>alert(2)&lt;/script>"');
    expect(html).toContain('content="tok&quot;en"');
  });

  it('links every error of the summary to its field and marks the field', () => {
    const errors = [{ field: 'email', message: 'account.signIn.error.email' as const }];
    const html = render(
      <>
        <ErrorSummary errors={errors} />
        <TextField name="email" label="Email" errors={errors} />
      </>,
      'ru',
    );
    expect(html).toContain('<a href="#email">Введите адрес электронной почты</a>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="email-error"');
  });

  it('renders nothing for an empty error summary', () => {
    expect(render(<ErrorSummary errors={[]} />)).toBe('');
  });
});

describe('words, numbers, money and dates', () => {
  it.each([
    [1, 'Закрывается через 1 день'],
    [2, 'Закрывается через 2 дня'],
    [5, 'Закрывается через 5 дней'],
    [21, 'Закрывается через 21 день'],
    [12, 'Закрывается через 12 дней'],
  ])('Russian plural forms: %i', (count, text) => {
    expect(translator('ru').t('public.home.closesIn', { count })).toBe(text);
  });

  it('Kazakh and English plural forms', () => {
    expect(translator('kk').t('public.home.closesIn', { count: 12 })).toBe('12 күннен кейін жабылады');
    expect(translator('en').t('public.home.closesIn', { count: 1 })).toBe('Closes in 1 day');
    expect(translator('en').t('public.home.closesIn', { count: 3 })).toBe('Closes in 3 days');
  });

  it('shows money in tenge from minor units, exactly, in each language', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(translator('ru').money(123456750n))).toBe('1 234 567,50 ₸');
    expect(plain(translator('kk').money('123456750'))).toBe('1 234 567,50 ₸');
    expect(plain(translator('ru').money(900719925474099312n))).toBe('9 007 199 254 740 993,12 ₸');
    expect(plain(translator('en').money(10000n))).toBe('₸100');
  });

  it('shows dates in Almaty time', () => {
    // 19:30 UTC on 31 December is already 1 January in Almaty (UTC+5).
    const when = new Date('2026-12-31T19:30:00Z');
    expect(translator('ru').date(when)).toMatch(/^1 января 2027/);
    expect(translator('kk').dateTime(when)).toContain('00:30');
    expect(daysUntil(new Date('2027-01-01T00:30:00+05:00'), new Date('2026-12-31T23:30:00+05:00'))).toBe(1);
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translator('en').t('common.signedInAs', { name: 'Aigerim' })).toBe('Signed in as Aigerim');
    expect(translator('en').t('common.signedInAs')).toBe('Signed in as {name}');
  });
});

describe('safeLocalPath', () => {
  it.each([
    ['/applications/1', '/applications/1'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/a\nb', '/'],
    [undefined, '/'],
    ['x'.repeat(600), '/'],
  ])('%s -> %s', (candidate, expected) => {
    expect(safeLocalPath(candidate)).toBe(expected);
  });
});
