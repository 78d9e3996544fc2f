import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import {
  layoutAndFooters,
  NAME,
  passwordResetIn,
  SAMPLES,
  spaces,
  tempTemplates,
  TIME_ZONE,
  TRANCHE_SAMPLE,
} from '../../../../test/helpers/mail-samples';
import { LANGUAGES } from '../../../common/i18n/language';
import { MESSAGE_TYPES, MessageType, MessageVariables } from './message-types';
import { templateVariablesUsed } from './template-analysis';
import { MailFormats } from './template-helpers';
import { LAYOUT_VARIABLES, resolveTemplatesDir, TEMPLATE_PARTS, TemplateRenderer } from './template-renderer';

const templatesDir = resolveTemplatesDir();
const messageTypes = Object.keys(MESSAGE_TYPES) as MessageType[];
const URL_VARIABLES = [
  'confirmUrl',
  'resetUrl',
  'competitionUrl',
  'applicationUrl',
  'workspaceUrl',
  'resultsUrl',
  'awardUrl',
];
const COUNT_VARIABLES = ['count', 'unfinished'];
const MONEY_VARIABLES = ['minAward', 'maxAward', 'requestedAmount', 'ownContribution', 'amount'];

/** The checks a translator's change must pass, as functions so they can be shown to fail on a bad folder. */
function missingTemplates(dir: string): string[] {
  const missing: string[] = [];
  for (const type of messageTypes) {
    for (const language of LANGUAGES) {
      for (const part of TEMPLATE_PARTS) {
        if (!existsSync(join(dir, type, `${part}.${language}.hbs`))) missing.push(`${type}/${part}.${language}.hbs`);
      }
    }
  }
  for (const language of LANGUAGES)
    if (!existsSync(join(dir, `footer.${language}.hbs`))) missing.push(`footer.${language}.hbs`);
  if (!existsSync(join(dir, 'layout.html.hbs'))) missing.push('layout.html.hbs');
  return missing;
}

function undeclaredVariables(dir: string): string[] {
  const problems: string[] = [];
  const check = (file: string, allowed: readonly string[]) => {
    for (const name of templateVariablesUsed(readFileSync(join(dir, file), 'utf8'))) {
      if (!allowed.includes(name)) problems.push(`${file}: ${name}`);
    }
  };
  for (const type of messageTypes) {
    if (!existsSync(join(dir, type))) continue;
    for (const file of readdirSync(join(dir, type))) check(join(type, file), MESSAGE_TYPES[type].variables);
  }
  for (const file of readdirSync(dir).filter((name) => name.startsWith('footer.'))) check(file, []);
  if (existsSync(join(dir, 'layout.html.hbs'))) check('layout.html.hbs', LAYOUT_VARIABLES);
  return problems;
}

describe('mail templates on disk', () => {
  const tempDirs: string[] = [];
  afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('has subject, text and html in kk, ru and en for every message type, a footer per language and the layout', () => {
    expect(missingTemplates(templatesDir)).toEqual([]);
  });

  it('has no folder or file the renderer would never read (a misspelt type or language)', () => {
    const stray: string[] = [];
    for (const entry of readdirSync(templatesDir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!messageTypes.includes(entry.name as MessageType)) stray.push(`${entry.name}/`);
        else
          for (const file of readdirSync(join(templatesDir, entry.name)))
            if (!/^(subject|text|html)\.(kk|ru|en)\.hbs$/.test(file)) stray.push(`${entry.name}/${file}`);
      } else if (!/^(footer\.(kk|ru|en)\.hbs|layout\.html\.hbs|README\.md)$/.test(entry.name)) {
        stray.push(entry.name);
      }
    }
    expect(stray).toEqual([]);
  });

  it('uses only the variables each message type provides', () => {
    expect(undeclaredVariables(templatesDir)).toEqual([]);
  });

  it('notices a missing language and an undeclared variable in a bad templates folder', () => {
    const bad = tempTemplates({
      ...layoutAndFooters(),
      ...passwordResetIn(['ru', 'en']),
      'password.reset/text.kk.hbs': 'Сәлеметсіз бе, {{fullName}}! {{nickname}} {{#if @first}}{{confirmUrl}}{{/if}}',
    });
    tempDirs.push(bad);
    expect(missingTemplates(bad)).toEqual(
      expect.arrayContaining([
        'password.reset/subject.kk.hbs',
        'password.reset/html.kk.hbs',
        'account.registered/text.ru.hbs',
      ]),
    );
    expect(undeclaredVariables(bad)).toEqual([
      join('password.reset', 'text.kk.hbs') + ': nickname',
      join('password.reset', 'text.kk.hbs') + ': confirmUrl',
    ]);
  });
});

describe('TemplateRenderer with the real templates', () => {
  const renderer = new TemplateRenderer({ templatesDir, timeZone: TIME_ZONE });
  const formats = new MailFormats(TIME_ZONE);
  const cases = messageTypes.flatMap((type) => LANGUAGES.map((language) => [type, language] as const));

  it.each(cases)('renders %s in %s', (type, language) => {
    const variables = SAMPLES[type] as unknown as Record<string, unknown>;
    const message = renderer.render(type, language, SAMPLES[type]);

    expect(message.language).toBe(language);
    expect(message.subject).not.toBe('');
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject).not.toMatch(/undefined|\{\{/);
    expect(message.text).not.toMatch(/undefined|\{\{|&amp;|&lt;|&#x27;/);
    expect(message.text).toContain(NAME);
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain(Handlebars.escapeExpression(NAME));
    expect(message.html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${language}">`));

    for (const name of URL_VARIABLES.filter((key) => key in variables)) {
      const url = variables[name] as string;
      expect(message.text).toContain(url);
      expect(message.html).toContain(`href="${Handlebars.escapeExpression(url)}"`);
    }
    for (const name of MONEY_VARIABLES.filter((key) => key in variables)) {
      expect(message.text).toContain(formats.formatMoney(variables[name] as bigint, language));
      expect(message.html).toContain(formats.formatMoney(variables[name] as bigint, language));
      // In tenge, never the count of tiyn the variable holds.
      for (const part of [message.subject, message.text, message.html])
        expect(part).not.toContain(String(variables[name]));
    }
    if (MONEY_VARIABLES.some((key) => key in variables)) expect(message.text).toContain('₸');
    for (const name of COUNT_VARIABLES.filter((key) => key in variables)) {
      expect(message.text).toContain(`: ${String(variables[name])}\n`);
      expect(message.html).toContain(`>${String(variables[name])}<`);
    }
  });

  it.each(LANGUAGES)(
    'writes round results in %s for an advanced, a rejected and an unranked application',
    (language) => {
      const sample = SAMPLES['round.results'];
      const advanced = renderer.render('round.results', language, sample);
      const rejected = renderer.render('round.results', language, {
        ...sample,
        advanced: false,
        officialScore: '41.0',
      });
      const unranked = renderer.render('round.results', language, { ...sample, advanced: false, officialScore: '' });

      expect(advanced.text).not.toBe(rejected.text);
      expect(advanced.html).not.toBe(rejected.html);
      for (const message of [advanced, rejected]) expect(message.text).not.toBe(unranked.text);
      // Rounded to one decimal, in the reader's own way, with its scale.
      const score = (value: string) =>
        ({ kk: `100 балдан ${value}`, ru: `${value} из 100`, en: `${value} of 100` })[language];
      const decimal = (value: string) => (language === 'en' ? value : value.replace('.', ','));
      const scoreLabel = { kk: 'Қорытынды балл', ru: 'Итоговый балл', en: 'Official score' }[language];
      expect(advanced.text).toContain(`${scoreLabel}: ${score(decimal('72.4'))}\n`);
      expect(advanced.html).toContain(`<strong>${score(decimal('72.4'))}</strong>`);
      expect(rejected.text).toContain(`${scoreLabel}: ${score(decimal('41.0'))}\n`);
      expect(unranked.text).not.toContain(scoreLabel);
      expect(unranked.html).not.toContain(scoreLabel);
      const notRanked = {
        kk: 'рейтингке енуге жеткілікті баға алмады',
        ru: 'не получила достаточно оценок',
        en: 'did not receive enough scores to be ranked',
      }[language];
      expect(unranked.text).toContain(notRanked);
      expect(unranked.html).toContain(notRanked);
      expect(advanced.text).not.toContain(notRanked);
    },
  );

  it.each(LANGUAGES)('names the tranche by its number and label in %s', (language) => {
    const tranche = { kk: /2-транш/, ru: /транш[а-я]* № 2 /, en: /tranche 2 / }[language];
    const row = { kk: 'Транш: № 2 — ', ru: 'Транш: № 2 — ', en: 'Tranche: No. 2 — ' }[language];
    for (const type of ['tranche.approved', 'payment.recorded', 'report.returned', 'report.reminder'] as const) {
      const message = renderer.render(type, language, SAMPLES[type]);
      expect(message.subject).toMatch(tranche);
      expect(message.text).toContain(`${row}${TRANCHE_SAMPLE.trancheLabel}\n`);
      expect(message.html).toContain(`>${row.slice(row.indexOf(':') + 2)}${TRANCHE_SAMPLE.trancheLabel}<`);
    }
  });

  it('writes the payment date as a calendar date and keeps the bank reference and comment as written', () => {
    const payment = renderer.render('payment.recorded', 'ru', SAMPLES['payment.recorded']);
    expect(spaces(payment.text)).toContain('Дата платежа: 20 декабря 2023 г.\n');
    expect(spaces(payment.text)).toContain('Сумма: 1 200 000,25 ₸\n');
    expect(payment.text).toContain('Номер платежа: PP-000123 <&>\n');
    expect(payment.html).toContain('PP-000123 &lt;&amp;&gt;');
    const returned = renderer.render('report.returned', 'en', SAMPLES['report.returned']);
    expect(returned.text).toContain(`Manager's comment:\n${SAMPLES['report.returned'].comment}\n`);
    expect(returned.html).toContain(`>${Handlebars.escapeExpression(SAMPLES['report.returned'].comment)}<`);
  });

  it('asks jurors to declare a conflict of interest in every language', () => {
    const phrases = { kk: 'мүдделер қақтығысы', ru: 'конфликт интересов', en: 'conflict of interest' };
    for (const language of LANGUAGES) {
      const message = renderer.render('review.assigned', language, SAMPLES['review.assigned']);
      expect(message.text).toContain(phrases[language]);
      expect(message.html).toContain(phrases[language]);
    }
  });

  it('writes a competition mail in Russian with the amounts and deadline formatted for Russian readers', () => {
    const message = renderer.render('competition.opened', 'ru', SAMPLES['competition.opened']);
    expect(message.subject).toBe('Открыт приём заявок: Ауыл кәсіпкерлігі 2023');
    expect(spaces(message.text)).toContain('от 1 500 000 ₸ до 5 000 000,50 ₸');
    expect(spaces(message.text)).toContain('15 декабря 2023');
    expect(message.text).toContain('18:00');
  });

  it('refuses a time zone that does not exist', () => {
    expect(() => new TemplateRenderer({ templatesDir, timeZone: 'Asia/Nowhere' })).toThrow(RangeError);
  });

  it('refuses to render when a variable is missing instead of sending a blank', () => {
    const { resetUrl: _omitted, ...incomplete } = SAMPLES['password.reset'];
    expect(() => renderer.render('password.reset', 'kk', incomplete as MessageVariables<'password.reset'>)).toThrow(
      /missing resetUrl/,
    );
    expect(() =>
      renderer.render('password.reset', 'ru', { ...SAMPLES['password.reset'], expiresAt: new Date('not a date') }),
    ).toThrow(/date expects a valid Date/);
  });
});

describe('resolveTemplatesDir', () => {
  it('finds templates/mail beside package.json from the source tree and from the build output', () => {
    const root = dirname(dirname(templatesDir));
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(templatesDir).toBe(join(root, 'templates', 'mail'));
    expect(resolveTemplatesDir(join(root, 'dist', 'src', 'modules', 'notifications', 'mail'))).toBe(templatesDir);
  });

  it('fails clearly when there is no package.json above', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-package-'));
    try {
      expect(() => resolveTemplatesDir(dir)).toThrow(/No package\.json above/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
