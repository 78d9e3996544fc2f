import { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../i18n/translator';
import { PageContext, PageContextHolder } from '../../render/page-context';
import { agreementKey } from './results.page';
import { RunView } from './rounds-types';
import { RunsPanel } from './runs-panel';
import { binCounts, ScoreHistogram } from './score-histogram';

const context: PageContext = {
  language: 'ru',
  t: translator('ru'),
  nonce: 'n',
  csrfToken: 'token',
  path: '/',
  user: null,
  assets: { css: '/a.css', htmx: '/h.js', app: '/e.js' } as PageContext['assets'],
};
const render = (node: VNode): string =>
  renderToString(<PageContextHolder.Provider value={context}>{node}</PageContextHolder.Provider>);

const run = (over: Partial<RunView>): RunView => ({
  id: 'r1',
  status: 'succeeded',
  trigger: 'manager',
  assigned: 12,
  createdAt: new Date('2030-01-01T10:00:00Z'),
  finishedAt: null,
  durationMs: 5,
  details: {},
  ...over,
});

describe('the round pages’ parts', () => {
  it('polls the runs panel every 2 seconds only while a run is queued, with a refresh link for no JavaScript', () => {
    const queued = render(<RunsPanel roundId="x" open runs={[run({ status: 'queued' })]} />);
    expect(queued).toContain('hx-trigger="every 2s"');
    expect(queued).toContain('hx-get="/manage/rounds/x/runs"');
    expect(queued).toContain('href="/manage/rounds/x/assignments"');
    const done = render(<RunsPanel roundId="x" open runs={[run({})]} />);
    expect(done).not.toContain('hx-trigger');
    expect(done).toContain('назначено 12 мест');
  });

  it('explains an infeasible run in words, naming the applications by reference', () => {
    const html = render(
      <RunsPanel
        roundId="x"
        open
        runs={[
          run({
            status: 'infeasible',
            details: {
              explanation: [
                { reason: 'too_few_eligible_jurors', applications: [{ id: 'a', reference: 'SU-T-2030-0001' }] },
                { reason: 'loads_too_small' },
              ],
              notAssignable: [{ id: 'j', fullName: 'Асан Б.', reason: 'declaration not confirmed' }],
            },
          }),
        ]}
      />,
    );
    expect(html).toContain('не хватает экспертов: SU-T-2030-0001');
    expect(html).toContain('Сумма максимальных нагрузок');
    expect(html).toContain('Асан Б.');
  });

  it('bins totals by ten points (100 in the last band) and draws the ten bands as an image without inline style', () => {
    expect(binCounts([0, 9.99, 10, 55, 100, 99.5])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    const svg = render(<ScoreHistogram id="h" title="T <x>" description="D" totals={[10, 12, 95]} />);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('T &lt;x>');
    expect(svg.match(/<rect /g)).toHaveLength(10);
    expect(svg).not.toContain('style=');
  });

  it('reads alpha by Krippendorff’s thresholds', () => {
    expect(agreementKey(null)).toBe('managerRounds.results.agreementUnknown');
    expect(agreementKey(0.85)).toBe('managerRounds.results.agreementStrong');
    expect(agreementKey(0.8)).toBe('managerRounds.results.agreementStrong');
    expect(agreementKey(0.7)).toBe('managerRounds.results.agreementModerate');
    expect(agreementKey(0.3)).toBe('managerRounds.results.agreementWeak');
  });
});
