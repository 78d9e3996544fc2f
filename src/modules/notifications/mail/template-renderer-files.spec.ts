import { rmSync } from 'node:fs';
import {
  layoutAndFooters,
  passwordResetIn,
  SAMPLES,
  tempTemplates,
  TIME_ZONE,
} from '../../../../test/helpers/mail-samples';
import { TemplateRenderer } from './template-renderer';

describe('TemplateRenderer with a temporary templates folder', () => {
  const tempDirs: string[] = [];
  const rendererFor = (files: Record<string, string>) => {
    const dir = tempTemplates(files);
    tempDirs.push(dir);
    return { dir, renderer: new TemplateRenderer({ templatesDir: dir, timeZone: TIME_ZONE }) };
  };
  const variables = SAMPLES['password.reset'];
  afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('falls back to Russian when Kazakh is missing', () => {
    const { renderer } = rendererFor({ ...layoutAndFooters(), ...passwordResetIn(['ru', 'en']) });
    const message = renderer.render('password.reset', 'kk', variables);
    expect(message).toMatchObject({ language: 'ru', subject: 'subject ru' });
    expect(message.text).toBe(`text ru ${variables.resetUrl}\n\n-- \nfooter ru\n`);
    expect(message.html).toContain('<html lang="ru">');
  });

  it('falls back to English when Kazakh and Russian are missing', () => {
    const { renderer } = rendererFor({ ...layoutAndFooters(['en']), ...passwordResetIn(['en']) });
    expect(renderer.render('password.reset', 'kk', variables)).toMatchObject({ language: 'en', subject: 'subject en' });
    expect(renderer.render('password.reset', 'ru', variables).language).toBe('en');
  });

  it('falls back file by file', () => {
    const { renderer } = rendererFor({
      ...layoutAndFooters(),
      ...passwordResetIn(['ru']),
      'password.reset/subject.kk.hbs': 'subject kk',
    });
    expect(renderer.render('password.reset', 'kk', variables)).toMatchObject({ language: 'ru', subject: 'subject kk' });
  });

  it('throws a clear error when no language has the template', () => {
    const { renderer } = rendererFor({ ...layoutAndFooters(), ...passwordResetIn(['ru']) });
    expect(() => renderer.render('account.registered', 'kk', SAMPLES['account.registered'])).toThrow(
      /No mail template account\.registered\/subject\.<lang>\.hbs in kk, ru, en/,
    );
  });

  it('keeps subjects on one line and does not escape the subject or the text', () => {
    const { renderer } = rendererFor({
      ...layoutAndFooters(),
      'password.reset/subject.en.hbs': '\n  Hello   {{fullName}},\r\n  reset  \n',
      'password.reset/text.en.hbs': '\uFEFF{{fullName}}\r\n{{resetUrl}}',
      'password.reset/html.en.hbs': '<a href="{{resetUrl}}">{{fullName}}</a>',
    });
    const message = renderer.render('password.reset', 'en', { ...variables, fullName: `O'Brien & Sons` });
    expect(message.subject).toBe(`Hello O'Brien & Sons, reset`);
    expect(message.text).toBe(`O'Brien & Sons\n${variables.resetUrl}\n\n-- \nfooter en\n`);
    expect(message.html).toContain('>O&#x27;Brien &amp; Sons</a>');
  });

  it('throws in strict mode when a template reads a variable the message does not have', () => {
    const { renderer } = rendererFor({
      ...layoutAndFooters(),
      ...passwordResetIn(['ru']),
      'password.reset/text.ru.hbs': 'Привет, {{nickname}}',
    });
    expect(() => renderer.render('password.reset', 'ru', variables)).toThrow(/text\.ru\.hbs: "nickname" not defined/);
  });

  it('throws on a misspelt helper and on a helper without its argument', () => {
    const misspelt = rendererFor({
      ...layoutAndFooters(),
      ...passwordResetIn(['ru']),
      'password.reset/text.ru.hbs': '{{dat expiresAt}}',
    });
    expect(() => misspelt.renderer.render('password.reset', 'ru', variables)).toThrow(/unknown helper dat/);
    const bare = rendererFor({
      ...layoutAndFooters(),
      ...passwordResetIn(['ru']),
      'password.reset/text.ru.hbs': '{{date}}',
    });
    expect(() => bare.renderer.render('password.reset', 'ru', variables)).toThrow(
      /date expects a valid Date, got nothing/,
    );
  });

  it('reads and compiles each file once', () => {
    const { dir, renderer } = rendererFor({ ...layoutAndFooters(), ...passwordResetIn(['ru']) });
    const first = renderer.render('password.reset', 'ru', variables);
    rmSync(dir, { recursive: true, force: true });
    expect(renderer.render('password.reset', 'ru', variables)).toEqual(first);
  });
});
