import { h, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../i18n/translator';
import { PageContext, PageContextHolder } from '../../render/page-context';
import { VersionChanges, VersionChangesProps } from './version-changes';

const context = (language: 'kk' | 'ru' | 'en'): PageContext => ({
  language,
  t: translator(language),
  nonce: 'nonce',
  csrfToken: 'token',
  path: '/manage/applications/a1',
  user: { name: 'Manager', roles: ['manager'] },
  assets: { css: '/assets/site.css', htmx: '/assets/htmx.js', app: '/assets/enhance.js' },
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props
const render = (body: VNode<any>, language: 'kk' | 'ru' | 'en' = 'en') =>
  renderToString(h(PageContextHolder.Provider, { value: context(language) }, body)).replace(/[\u00a0\u202f]/g, ' ');

const props: VersionChangesProps = {
  versions: [
    { version: 1, submittedAt: new Date('2026-12-01T05:00:00Z'), changes: [] },
    {
      version: 2,
      submittedAt: '2026-12-05T05:00:00Z',
      changes: [
        { kind: 'text', field: 'title', before: 'Bakery', after: 'Bakery <Nan>' },
        { kind: 'text', field: 'sector', before: 'trade', after: 'services' },
        { kind: 'money', field: 'requestedAmount', before: '100000000', after: '90000000' },
        {
          kind: 'budgetLine',
          change: 'added',
          line: { category: 'equipment', description: 'Oven', amount: '30000000', source: 'grant' },
        },
        { kind: 'goal', change: 'removed', goalId: 'g1', before: 'Jobs', after: null },
      ],
    },
  ],
  returns: [
    {
      version: 1,
      returnedAt: '2026-12-02T05:00:00Z',
      answerBy: '2026-12-07T18:59:59Z',
      message: 'Split the oven line',
      outcome: 'resubmitted',
    },
  ],
  goalTitles: { g1: { en: 'Youth jobs', ru: 'Работа для молодёжи' } },
};

describe('what changed between versions', () => {
  it('lists each change of the newest version first, money in tenge, texts escaped, goals by title', () => {
    const html = render(h(VersionChanges, props));
    expect(html.indexOf('Version 2')).toBeLessThan(html.indexOf('Version 1'));
    expect(html).toContain('Bakery &lt;Nan>');
    expect(html).toContain('<del>₸1,000,000</del>');
    expect(html).toContain('<ins>₸900,000</ins>');
    expect(html).toContain('Budget line added');
    expect(html).toContain('Oven');
    expect(html).toContain('Goal removed: Youth jobs');
    expect(html).toContain('Split the oven line');
    expect(html).toContain('sent again');
    expect(html).toContain('The first version sent.');
  });

  it('speaks Russian and says when nothing changed', () => {
    const html = render(
      h(VersionChanges, { versions: [{ version: 2, submittedAt: new Date(), changes: [] }], headingLevel: 3 }),
      'ru',
    );
    expect(html).toContain('<h3 id="version-changes-title">Что изменилось между версиями</h3>');
    expect(html).toContain('Содержание не изменилось.');
  });
});
