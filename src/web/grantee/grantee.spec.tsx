import { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { DomainError } from '../../common/errors/domain-error';
import { translator } from '../i18n/translator';
import { PageContext, PageContextHolder } from '../render/page-context';
import { ApplicationOutcome, ApplicationOutcomeView } from './application-outcome';
import { ReportsSection } from './award-sections';
import { GranteeAward } from './grantee-view';
import { checkReportForm, emptyReportForm, parseTenge, readReportForm } from './report-form';

const context = (language: 'kk' | 'ru' | 'en'): PageContext => ({
  language,
  t: translator(language),
  nonce: 'n',
  csrfToken: 't',
  path: '/',
  user: null,
  assets: { css: '', htmx: '', app: '' },
});
const render = (node: VNode, language: 'kk' | 'ru' | 'en' = 'kk'): string =>
  renderToString(<PageContextHolder.Provider value={context(language)}>{node}</PageContextHolder.Provider>);

const lines = [
  { category: 'equipment', description: 'Greenhouse frame', amount: 100_000_000n },
  { category: 'own', description: '', amount: 40_000_000n },
];

describe('the report form', () => {
  it('reads tenge as people type them, exactly, in minor units', () => {
    expect(parseTenge('150 000')).toBe(15_000_000n);
    expect(parseTenge('1\u00a0250,5')).toBe(125_050n);
    expect(parseTenge('0.07')).toBe(7n);
    expect(parseTenge('9999999999999,99')).toBe(999_999_999_999_999n);
    for (const bad of ['', '-5', '1,234', '12.345', '1e5', 'сто', '1 000 000,001']) expect(parseTenge(bad)).toBeNull();
  });

  it('refuses a forged form with a field the page never had, or a value that is not text', () => {
    expect(() => readReportForm({ body: 'x', status: 'approved' }, 2)).toThrow(DomainError);
    expect(() => readReportForm({ body: ['a', 'b'] }, 2)).toThrow(DomainError);
    expect(() => readReportForm({ 'spending-2': '5' }, 2)).toThrow(DomainError);
    expect(readReportForm(undefined, 2)).toEqual(emptyReportForm(2));
  });

  it('keeps only well-formed ids of files uploaded before', () => {
    const id = '0b5a3c1e-8f2d-4a6b-9c7d-1e2f3a4b5c6d';
    expect(readReportForm({ keptFiles: `${id},../etc,${id}` }, 0).keptFileIds).toEqual([id]);
  });

  it('lists every broken rule at once, each on its field', () => {
    const values = { body: '', jobsCreated: '-1', spending: ['12,345', 'abc'], keptFileIds: [] };
    const { report, errors } = checkReportForm(values, lines, 6);
    expect(report).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['body', 'jobsCreated', 'spending-0', 'spending-1', 'files']);
    expect(errors[2].params).toEqual({ line: 'Greenhouse frame' });
    expect(errors[3].params).toEqual({ line: 'own' });
  });

  it('sets the amounts against their budget lines and leaves out lines with nothing spent', () => {
    const values = { body: 'Built', jobsCreated: '0', spending: ['', '2 500'], keptFileIds: [] };
    expect(checkReportForm(values, lines, 1)).toEqual({
      report: { body: 'Built', jobsCreated: 0, spending: [{ category: 'own', description: '', amount: '250000' }] },
      errors: [],
    });
    expect(checkReportForm({ ...values, spending: ['0', ''] }, lines, 0).report?.spending).toEqual([]);
  });
});

describe('the outcome of an application', () => {
  const outcome: ApplicationOutcome = {
    rounds: [
      {
        roundId: 'r1',
        roundName: { kk: 'Бірінші кезең', ru: 'Первый этап' },
        official: 71.42857,
        rank: 3,
        advanced: true,
        reason: 'advanced',
      },
      { roundId: 'r2', roundName: 'Final', official: null, rank: null, advanced: false, reason: 'below_quorum' },
    ],
    award: { id: 'a1', status: 'approved' },
  };

  it('gives each round its result and the official score on its scale, in the reader’s language', () => {
    const ru = render(<ApplicationOutcomeView outcome={outcome} />, 'ru');
    expect(ru).toContain('Первый этап');
    expect(ru).toContain('71,4 из 100');
    expect(ru).toContain('Прошла в следующий этап');
    expect(ru).toContain('Недостаточно оценок, чтобы войти в рейтинг');
    expect(ru).toContain('href="/awards/a1"');
    const kk = render(<ApplicationOutcomeView outcome={outcome} />, 'kk');
    expect(kk).toContain('Бірінші кезең');
    expect(kk).toContain('100 балдан 71,4');
    expect(render(<ApplicationOutcomeView outcome={outcome} />, 'en')).toContain('71.4 of 100');
  });

  it('says when no round is final yet, and offers no award link without an award', () => {
    const html = render(<ApplicationOutcomeView outcome={{ rounds: [], award: null }} />, 'ru');
    expect(html).toContain('Окончательные итоги этапов ещё не опубликованы.');
    expect(html).not.toContain('/awards/');
  });
});

describe('the reports of an award', () => {
  it('shows a returned report’s comment as text, never as markup', () => {
    const award = {
      tranches: [{ id: 't1', label: { ru: 'Промежуточный отчёт' } }],
      reports: [
        {
          id: 'r1',
          trancheId: 't1',
          status: 'returned',
          submittedAt: new Date('2026-05-01T06:00:00Z'),
          jobsCreated: 5,
          reviewComment: '<img src=x onerror=alert(1)> add photos',
        },
      ],
    } as unknown as GranteeAward;
    const html = render(<ReportsSection award={award} />, 'ru');
    expect(html).toContain('Промежуточный отчёт');
    expect(html).toContain('&lt;img src=x onerror=alert(1)> add photos');
    expect(html).not.toContain('<img');
    expect(html).toContain('создано 5 рабочих мест');
    expect(html).toContain('1 мая 2026');
  });
});
