import { rmSync } from 'node:fs';
import { layoutAndFooters, SAMPLES, spaces, tempTemplates, TIME_ZONE } from '../../../../test/helpers/mail-samples';
import { MessageVariables } from './message-types';
import { MailFormats } from './template-helpers';
import { TemplateRenderer } from './template-renderer';

describe('MailFormats', () => {
  const formats = new MailFormats(TIME_ZONE);

  it('formats money in tenge with the ₸ sign, without decimals for whole tenge', () => {
    expect(spaces(formats.formatMoney(150000000n, 'ru'))).toBe('1 500 000 ₸');
    expect(spaces(formats.formatMoney(150000000n, 'kk'))).toBe('1 500 000 ₸');
    expect(formats.formatMoney(150000000n, 'en')).toBe('₸1,500,000');
    expect(spaces(formats.formatMoney(12345n, 'ru'))).toBe('123,45 ₸');
    expect(formats.formatMoney(12345n, 'en')).toBe('₸123.45');
    expect(spaces(formats.formatMoney(5n, 'ru'))).toBe('0,05 ₸');
    expect(spaces(formats.formatMoney(0n, 'ru'))).toBe('0 ₸');
    expect(spaces(formats.formatMoney(-5n, 'ru'))).toBe('-0,05 ₸');
    expect(spaces(formats.formatMoney(-150000000n, 'ru'))).toBe('-1 500 000 ₸');
  });

  it('formats scores with one decimal in each language, rounding longer ones', () => {
    expect(formats.formatScore(72.4, 'kk')).toBe('72,4');
    expect(formats.formatScore(72.4, 'ru')).toBe('72,4');
    expect(formats.formatScore(72.4, 'en')).toBe('72.4');
    expect(formats.formatScore(41, 'ru')).toBe('41,0');
    expect(formats.formatScore(100, 'en')).toBe('100.0');
    expect(formats.formatScore(200 / 3, 'ru')).toBe('66,7');
    expect(formats.formatScore(100 / 3, 'en')).toBe('33.3');
  });

  it('formats amounts beyond Number.MAX_SAFE_INTEGER without losing a digit', () => {
    expect(spaces(formats.formatMoney(123456789012345n, 'ru'))).toBe('1 234 567 890 123,45 ₸');
    expect(spaces(formats.formatMoney(999999999999999n, 'kk'))).toBe('9 999 999 999 999,99 ₸');
    expect(formats.formatMoney(900719925474099399n, 'en')).toBe('₸9,007,199,254,740,993.99');
  });

  it('formats dates in the configured time zone, in each language', () => {
    const at = new Date('2023-11-20T07:30:00Z');
    expect(spaces(formats.formatDate(at, 'ru', true))).toMatch(/^20 ноября 2023 г\.(,| в) 13:30$/);
    expect(formats.formatDate(at, 'en', true)).toMatch(/^20 November 2023(,| at) 13:30$/);
    expect(formats.formatDate(at, 'kk', true)).toMatch(/2023.*20 қараша.*13:30/);
    expect(spaces(formats.formatDate(at, 'ru', false))).toBe('20 ноября 2023 г.');
  });
});

describe('the money and score helpers in templates', () => {
  const tempDirs: string[] = [];
  const rendererFor = (files: Record<string, string>) => {
    const dir = tempTemplates(files);
    tempDirs.push(dir);
    return { dir, renderer: new TemplateRenderer({ templatesDir: dir, timeZone: TIME_ZONE }) };
  };
  afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads a score as a number or a decimal string, and refuses anything else', () => {
    const dir = tempTemplates({
      ...layoutAndFooters(['en']),
      'round.results/subject.en.hbs': '{{score officialScore}}',
      'round.results/text.en.hbs': 'x',
      'round.results/html.en.hbs': 'x',
    });
    const scores = new TemplateRenderer({ templatesDir: dir, timeZone: TIME_ZONE });
    const render = (officialScore: unknown) =>
      scores.render('round.results', 'en', { ...SAMPLES['round.results'], officialScore } as never).subject;
    try {
      expect(render('66.66666666666667')).toBe('66.7');
      expect(render(71.35)).toBe('71.4');
      for (const bad of ['72,4', 'n/a', '7e1', true]) expect(() => render(bad)).toThrow(/score expects a number/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts amounts as integer strings and refuses fractions', () => {
    const { renderer } = rendererFor({
      ...layoutAndFooters(),
      'competition.opened/subject.ru.hbs': '{{money minAward}}',
      'competition.opened/text.ru.hbs': '{{money maxAward}}',
      'competition.opened/html.ru.hbs': '{{money maxAward}}',
    });
    const asStrings = {
      ...SAMPLES['competition.opened'],
      minAward: '12345',
      maxAward: '100',
    } as unknown as MessageVariables<'competition.opened'>;
    expect(spaces(renderer.render('competition.opened', 'ru', asStrings).subject)).toBe('123,45 ₸');
    const fractional = {
      ...SAMPLES['competition.opened'],
      minAward: 12.5,
    } as unknown as MessageVariables<'competition.opened'>;
    expect(() => renderer.render('competition.opened', 'ru', fractional)).toThrow(/money expects minor units/);
  });
});
