import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { LANGUAGES, Language } from '../../users/domain/language';
import { MESSAGE_TYPES, MessageType, MessageVariables } from './message-types';
import { messageVariables } from './message-variables';
import { templateVariablesUsed } from './template-analysis';
import { LAYOUT_VARIABLES, resolveTemplatesDir, TEMPLATE_PARTS, TemplateRenderer } from './template-renderer';

const TIME_ZONE = 'Asia/Almaty';
const templatesDir = resolveTemplatesDir();
const messageTypes = Object.keys(MESSAGE_TYPES) as MessageType[];
const spaces = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');

const NAME = `O'Brien & Sons <script>alert(1)</script>`;
const TRANCHE_SAMPLE = {
  fullName: NAME,
  reference: 'SU-2023-0042',
  competitionTitle: 'Ауыл кәсіпкерлігі 2023',
  trancheNumber: 2,
  trancheLabel: 'Отчёт о закупке оборудования',
  awardUrl: 'https://startup.example.kz/awards/7a2e9f10-3b4c-4d5e-8f60-718293a4b5c6',
};
// Before 2024, when Kazakhstan moved to one time zone: the same offset (+6) in every tz database.
const SAMPLES: { [T in MessageType]: MessageVariables<T> } = {
  'account.registered': {
    fullName: NAME,
    confirmUrl: 'https://startup.example.kz/auth/confirm-email?token=abc.def&x=1',
    expiresAt: new Date('2023-11-20T07:30:00Z'),
  },
  'password.reset': {
    fullName: NAME,
    resetUrl: 'https://startup.example.kz/auth/password-reset?token=xyz.123',
    expiresAt: new Date('2023-11-20T07:30:00Z'),
  },
  'competition.opened': {
    fullName: NAME,
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    villageName: 'Қаратал',
    opensAt: new Date('2023-11-01T03:00:00Z'),
    closesAt: new Date('2023-12-15T12:00:00Z'),
    minAward: 150000000n,
    maxAward: 500000050n,
    competitionUrl: 'https://startup.example.kz/public/competitions/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'application.submitted': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    villageName: 'Қаратал',
    requestedAmount: 250000000n,
    ownContribution: 62500000n,
    submittedAt: new Date('2023-11-20T07:30:00Z'),
    applicationUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'application.ineligible': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    reasonText: 'The village is not eligible in this competition.',
    note: 'See https://startup.example.kz/rules',
  },
  'application.draft_reminder': {
    fullName: NAME,
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    closesAt: new Date('2023-12-15T12:00:00Z'),
    applicationUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'review.assigned': {
    fullName: NAME,
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'Бірінші кезең / First round',
    count: 12,
    deadline: new Date('2023-12-15T12:00:00Z'),
    workspaceUrl: 'https://startup.example.kz/reviews/rounds/5d1c2b3a-7e6f-4a8b-9c0d-1e2f3a4b5c6d',
  },
  'review.deadline_reminder': {
    fullName: NAME,
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'Бірінші кезең / First round',
    unfinished: 3,
    deadline: new Date('2023-12-15T12:00:00Z'),
    workspaceUrl: 'https://startup.example.kz/reviews/rounds/5d1c2b3a-7e6f-4a8b-9c0d-1e2f3a4b5c6d',
  },
  'round.results': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'Бірінші кезең / First round',
    advanced: true,
    officialScore: '72.4',
    resultsUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'award.offered': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    amount: 240000050n,
    respondBy: new Date('2023-12-15T12:00:00Z'),
    awardUrl: 'https://startup.example.kz/awards/7a2e9f10-3b4c-4d5e-8f60-718293a4b5c6',
  },
  'application.not_awarded': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    applicationUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'tranche.approved': {
    ...TRANCHE_SAMPLE,
    amount: 120000000n,
  },
  'payment.recorded': {
    ...TRANCHE_SAMPLE,
    amount: 120000025n,
    bankReference: 'PP-000123 <&>',
    paidOn: new Date('2023-12-20T12:00:00Z'),
  },
  'report.returned': {
    ...TRANCHE_SAMPLE,
    comment: 'Attach the receipts & photos <please>.\nThe invoice is missing.',
  },
  'report.reminder': {
    ...TRANCHE_SAMPLE,
    dueAt: new Date('2023-12-15T12:00:00Z'),
  },
};
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

function tempTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mail-templates-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const layoutAndFooters = (languages: readonly Language[] = LANGUAGES) => ({
  'layout.html.hbs': '<html lang="{{lang}}">{{{body}}}<footer>{{footer}}</footer></html>',
  ...Object.fromEntries(languages.map((language) => [`footer.${language}.hbs`, `footer ${language}`])),
});

const passwordResetIn = (languages: readonly Language[]) =>
  Object.fromEntries(
    languages.flatMap((language) => [
      [`password.reset/subject.${language}.hbs`, `subject ${language}`],
      [`password.reset/text.${language}.hbs`, `text ${language} {{resetUrl}}`],
      [`password.reset/html.${language}.hbs`, `<p>html ${language} {{resetUrl}}</p>`],
    ]),
  );

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

describe('templateVariablesUsed', () => {
  it('collects mustaches, helper arguments, block parameters, hash values and @root paths', () => {
    const used = templateVariablesUsed(
      '{{fullName}} {{{body}}} {{money minAward}} {{date (lookup dates closesKey)}} {{#if villageName}}{{village.name}}{{/if}} {{log level=logLevel}} {{@root.rootOnly}}',
    );
    expect([...used].sort()).toEqual([
      'body',
      'closesKey',
      'dates',
      'fullName',
      'logLevel',
      'minAward',
      'rootOnly',
      'village',
      'villageName',
    ]);
  });

  it('leaves out helper names, this, @data variables and names bound inside #each and #with', () => {
    const used = templateVariablesUsed(
      '{{#each items as |item i|}}{{item.title}} {{i}} {{@index}} {{this}} {{name}} {{../fullName}}{{else}}{{emptyText}}{{/each}}' +
        '{{#with owner}}{{email}} {{this.phone}} {{../resetUrl}}{{/with}}{{#unless done}}{{pending}}{{/unless}}',
    );
    expect([...used].sort()).toEqual(['done', 'emptyText', 'fullName', 'items', 'owner', 'pending', 'resetUrl']);
  });
});

describe('TemplateRenderer with the real templates', () => {
  const renderer = new TemplateRenderer({ templatesDir, timeZone: TIME_ZONE });
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
      expect(message.text).toContain(renderer.formatMoney(variables[name] as bigint, language));
      expect(message.html).toContain(renderer.formatMoney(variables[name] as bigint, language));
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

  it('formats money in tenge with the ₸ sign, without decimals for whole tenge', () => {
    expect(spaces(renderer.formatMoney(150000000n, 'ru'))).toBe('1 500 000 ₸');
    expect(spaces(renderer.formatMoney(150000000n, 'kk'))).toBe('1 500 000 ₸');
    expect(renderer.formatMoney(150000000n, 'en')).toBe('₸1,500,000');
    expect(spaces(renderer.formatMoney(12345n, 'ru'))).toBe('123,45 ₸');
    expect(renderer.formatMoney(12345n, 'en')).toBe('₸123.45');
    expect(spaces(renderer.formatMoney(5n, 'ru'))).toBe('0,05 ₸');
    expect(spaces(renderer.formatMoney(0n, 'ru'))).toBe('0 ₸');
    expect(spaces(renderer.formatMoney(-5n, 'ru'))).toBe('-0,05 ₸');
    expect(spaces(renderer.formatMoney(-150000000n, 'ru'))).toBe('-1 500 000 ₸');
  });

  it('formats scores with one decimal in each language, rounding longer ones', () => {
    expect(renderer.formatScore(72.4, 'kk')).toBe('72,4');
    expect(renderer.formatScore(72.4, 'ru')).toBe('72,4');
    expect(renderer.formatScore(72.4, 'en')).toBe('72.4');
    expect(renderer.formatScore(41, 'ru')).toBe('41,0');
    expect(renderer.formatScore(100, 'en')).toBe('100.0');
    expect(renderer.formatScore(200 / 3, 'ru')).toBe('66,7');
    expect(renderer.formatScore(100 / 3, 'en')).toBe('33.3');
  });

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

  it('formats amounts beyond Number.MAX_SAFE_INTEGER without losing a digit', () => {
    expect(spaces(renderer.formatMoney(123456789012345n, 'ru'))).toBe('1 234 567 890 123,45 ₸');
    expect(spaces(renderer.formatMoney(999999999999999n, 'kk'))).toBe('9 999 999 999 999,99 ₸');
    expect(renderer.formatMoney(900719925474099399n, 'en')).toBe('₸9,007,199,254,740,993.99');
  });

  it('formats dates in the configured time zone, in each language', () => {
    const at = new Date('2023-11-20T07:30:00Z');
    expect(spaces(renderer.formatDate(at, 'ru', true))).toMatch(/^20 ноября 2023 г\.(,| в) 13:30$/);
    expect(renderer.formatDate(at, 'en', true)).toMatch(/^20 November 2023(,| at) 13:30$/);
    expect(renderer.formatDate(at, 'kk', true)).toMatch(/2023.*20 қараша.*13:30/);
    expect(spaces(renderer.formatDate(at, 'ru', false))).toBe('20 ноября 2023 г.');
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

  it('reads and compiles each file once', () => {
    const { dir, renderer } = rendererFor({ ...layoutAndFooters(), ...passwordResetIn(['ru']) });
    const first = renderer.render('password.reset', 'ru', variables);
    rmSync(dir, { recursive: true, force: true });
    expect(renderer.render('password.reset', 'ru', variables)).toEqual(first);
  });
});

describe('messageVariables for the review mails', () => {
  const links = { publicUrl: 'https://startup.example.kz', linkSecret: 'secret' };
  const roundData = {
    roundId: 'r-1',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'First round',
    deadline: '2023-12-15T12:00:00Z',
  };
  const resultsData = {
    roundId: 'r-1',
    applicationId: 'a-1',
    reference: 'SU-2023-0042',
    applicationTitle: 'Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'First round',
    advanced: false,
    officialScore: null,
  };

  it('builds the juror variables with the round workspace link and the counts as integers', () => {
    expect(messageVariables('review.assigned', { ...roundData, count: 12 }, 'Juror', links, 'ru')).toEqual({
      fullName: 'Juror',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      roundName: 'First round',
      count: 12,
      deadline: new Date('2023-12-15T12:00:00Z'),
      workspaceUrl: 'https://startup.example.kz/reviews/rounds/r-1',
    });
    expect(
      messageVariables('review.deadline_reminder', { ...roundData, unfinished: 0 }, 'Juror', links, 'kk'),
    ).toMatchObject({
      unfinished: 0,
      workspaceUrl: 'https://startup.example.kz/reviews/rounds/r-1',
    });
  });

  it.each([['3'], [2.5], [-1], [Number.MAX_SAFE_INTEGER + 1], [null]])('refuses a count of %p', (count) => {
    expect(() => messageVariables('review.assigned', { ...roundData, count }, 'Juror', links, 'en')).toThrow(
      /"count" is not a non-negative integer/,
    );
  });

  it('builds the results variables, with an empty score for an unranked application', () => {
    expect(messageVariables('round.results', resultsData, 'Applicant', links, 'en')).toEqual({
      fullName: 'Applicant',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      roundName: 'First round',
      advanced: false,
      officialScore: '',
      resultsUrl: 'https://startup.example.kz/applications/a-1',
    });
    expect(
      messageVariables(
        'round.results',
        { ...resultsData, advanced: true, officialScore: '72.4' },
        'Applicant',
        links,
        'en',
      ),
    ).toMatchObject({
      advanced: true,
      officialScore: '72.4',
    });
    expect(() =>
      messageVariables('round.results', { ...resultsData, advanced: 'yes' }, 'Applicant', links, 'en'),
    ).toThrow(/"advanced" is not a boolean/);
    expect(() =>
      messageVariables('round.results', { ...resultsData, officialScore: 72.4 }, 'Applicant', links, 'en'),
    ).toThrow(/"officialScore" is not a string/);
  });
});

describe('messageVariables for the award and payment mails', () => {
  const links = { publicUrl: 'https://startup.example.kz', linkSecret: 'secret' };
  const trancheData = {
    awardId: 'aw-1',
    reference: 'SU-2023-0042',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    trancheNumber: 2,
    trancheLabel: 'Signing',
  };
  const trancheVariables = {
    fullName: 'Grantee',
    reference: 'SU-2023-0042',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    trancheNumber: 2,
    trancheLabel: 'Signing',
    awardUrl: 'https://startup.example.kz/awards/aw-1',
  };

  it('builds the offer with the amount in minor units, the deadline and the award link', () => {
    const data = {
      awardId: 'aw-1',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      amount: '900719925474099399',
      respondBy: '2023-12-15T12:00:00Z',
    };
    expect(messageVariables('award.offered', data, 'Grantee', links, 'kk')).toEqual({
      fullName: 'Grantee',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      amount: 900719925474099399n,
      respondBy: new Date('2023-12-15T12:00:00Z'),
      awardUrl: 'https://startup.example.kz/awards/aw-1',
    });
    expect(() => messageVariables('award.offered', { ...data, amount: 1000 }, 'Grantee', links, 'kk')).toThrow(
      /lacks "amount"/,
    );
  });

  it('links a not-awarded application to its page', () => {
    const data = {
      applicationId: 'a-1',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    };
    expect(messageVariables('application.not_awarded', data, 'Applicant', links, 'ru')).toEqual({
      fullName: 'Applicant',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      applicationUrl: 'https://startup.example.kz/applications/a-1',
    });
  });

  it('builds the tranche mails with the tranche number as an integer and the award link', () => {
    expect(
      messageVariables('tranche.approved', { ...trancheData, amount: '120000000' }, 'Grantee', links, 'en'),
    ).toEqual({
      ...trancheVariables,
      amount: 120000000n,
    });
    expect(
      messageVariables('report.returned', { ...trancheData, comment: 'Add the receipts.' }, 'Grantee', links, 'en'),
    ).toEqual({
      ...trancheVariables,
      comment: 'Add the receipts.',
    });
    expect(
      messageVariables('report.reminder', { ...trancheData, dueAt: '2023-12-15T12:00:00Z' }, 'Grantee', links, 'en'),
    ).toEqual({
      ...trancheVariables,
      dueAt: new Date('2023-12-15T12:00:00Z'),
    });
    expect(() =>
      messageVariables('tranche.approved', { ...trancheData, trancheNumber: '2', amount: '1' }, 'Grantee', links, 'en'),
    ).toThrow(/"trancheNumber" is not a non-negative integer/);
  });

  it('reads the payment date as a calendar date that stays the same day in any time zone from UTC-12 to UTC+11', () => {
    const data = { ...trancheData, amount: '120000025', bankReference: 'PP-000123', paidOn: '2023-12-20' };
    expect(messageVariables('payment.recorded', data, 'Grantee', links, 'ru')).toEqual({
      ...trancheVariables,
      amount: 120000025n,
      bankReference: 'PP-000123',
      paidOn: new Date('2023-12-20T12:00:00Z'),
    });
    const renderer = new TemplateRenderer({ templatesDir, timeZone: 'Pacific/Pago_Pago' });
    const message = renderer.render(
      'payment.recorded',
      'en',
      messageVariables('payment.recorded', data, 'Grantee', links, 'en') as MessageVariables<'payment.recorded'>,
    );
    expect(message.text).toContain('Paid on: 20 December 2023\n');
    for (const paidOn of ['2023-12-20T00:00:00Z', '2023-02-30', '20.12.2023', '']) {
      expect(() => messageVariables('payment.recorded', { ...data, paidOn }, 'Grantee', links, 'ru')).toThrow(
        /"paidOn"/,
      );
    }
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
