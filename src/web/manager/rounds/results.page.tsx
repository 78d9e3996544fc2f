import { LocalizedText } from '../../../common/i18n/localized-text';
import { contentText } from '../../i18n/content';
import { MessageKey } from '../../i18n/catalogue';
import { usePage } from '../../render/page-context';
import { Pager } from '../../ui/pager';
import { TableScroll } from '../../ui/table-scroll';
import { ResultRow, ResultsView } from './rounds-types';
import { reasonWord, RoundsFrame, scoreText } from './rounds-ui';
import { BINS, binCounts, ScoreHistogram } from './score-histogram';

/**
 * What Krippendorff's alpha says about the panel, by the thresholds Krippendorff gives (Content
 * Analysis, 2nd ed., 2004, p. 241): at or above 0.800 data are reliable, from 0.667 they allow
 * tentative conclusions only, below that they are not reliable. Here: strong, moderate, weak.
 */
export function agreementKey(alpha: number | null): MessageKey {
  if (alpha === null) return 'managerRounds.results.agreementUnknown';
  if (alpha >= 0.8) return 'managerRounds.results.agreementStrong';
  if (alpha >= 0.667) return 'managerRounds.results.agreementModerate';
  return 'managerRounds.results.agreementWeak';
}

const BLOCKED: Record<string, MessageKey> = {
  not_declared: 'managerRounds.results.blocked.notDeclared',
  graph_not_connected: 'managerRounds.results.blocked.notConnected',
  too_few_sheets_per_juror: 'managerRounds.results.blocked.tooFewSheets',
};

/** A finalized round's results as managers read them: ranking, discussion list, the line, agreement, jurors. */
export function ResultsPage(props: {
  round: { id: string; name: string };
  criteria: { code: string; title: LocalizedText }[];
  results: ResultsView;
}) {
  const { t, language } = usePage();
  const { results } = props;
  const criterion = (code: string) => contentText(props.criteria.find((c) => c.code === code)?.title, language) || code;
  const disputed = results.disputed;
  const here = (ranking: number, jurors: number) => {
    const query = [ranking > 1 ? `page=${ranking}` : '', jurors > 1 ? `jurors=${jurors}` : ''].filter(Boolean);
    return `/manage/rounds/${props.round.id}/results${query.length ? `?${query.join('&')}` : ''}`;
  };
  const calibration = results.calibratedDecides
    ? t.t('managerRounds.results.calibratedDecides')
    : t.t(BLOCKED[results.calibrationBlockedBy ?? ''] ?? 'managerRounds.results.calibratedAdvice');
  return (
    <RoundsFrame
      title={t.t('managerRounds.results.title', { round: props.round.name })}
      back={{ href: `/manage/rounds/${props.round.id}`, label: t.t('managerRounds.back.round') }}
    >
      <dl class="summary-list">
        <dt>{t.t('managerRounds.results.applications')}</dt>
        <dd>{results.applications}</dd>
        <dt>{t.t('managerRounds.results.advancedCount')}</dt>
        <dd>{results.advanced}</dd>
        <dt>{t.t('managerRounds.results.alpha')}</dt>
        <dd>
          <p>
            {results.alpha === null ? '—' : t.number(Math.round(results.alpha * 1000) / 1000)}.{' '}
            {t.t(agreementKey(results.alpha))}
          </p>
        </dd>
        <dt>{t.t('managerRounds.results.calibration')}</dt>
        <dd>{calibration}</dd>
      </dl>
      <RankingTable rows={results.rows} criterion={criterion} />
      <Pager
        page={results.page}
        pages={results.pages}
        label={t.t('managerRounds.results.rankingPages')}
        href={(n) => `${here(n, results.jurorPage)}#ranking`}
      />
      <section aria-labelledby="discussion">
        <h2 id="discussion">{t.t('managerRounds.results.discussion')}</h2>
        {disputed.length === 0 ? (
          <p>{t.t('managerRounds.results.noDisputes')}</p>
        ) : (
          <ul class="discussion-list">
            {disputed.map((r) => (
              <li>
                <strong>
                  {r.reference} · {r.title}
                </strong>
                <p>
                  {t.t('managerRounds.results.disputedLine', {
                    rank: r.rank ?? '—',
                    spread: scoreText(t, r.spread),
                    official: scoreText(t, r.official),
                  })}
                </p>
                <ul class="plain-list">
                  {r.totals.map((total) => (
                    <li>
                      {total.juror}: {scoreText(t, total.total)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="crossings">
        <h2 id="crossings">{t.t('managerRounds.results.crossings')}</h2>
        <p>{t.t('managerRounds.results.crossingsLead')}</p>
        {results.crossings.length === 0 ? (
          <p>{t.t('managerRounds.results.noCrossings')}</p>
        ) : (
          <ul class="plain-list">
            {results.crossings.map((r) => (
              <li>
                {r.reference} · {r.title}:{' '}
                {t.t('managerRounds.results.crossing', {
                  official: scoreText(t, r.official),
                  calibrated: scoreText(t, r.calibrated),
                })}{' '}
                {r.advanced ? t.t('managerRounds.results.crossingIn') : t.t('managerRounds.results.crossingOut')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="distributions">
        <h2 id="distributions">{t.t('managerRounds.results.distributions')}</h2>
        <p>{t.t('managerRounds.results.distributionsLead')}</p>
        <div class="histograms">
          {results.jurors.map((juror, i) => {
            const counts = binCounts(juror.totals);
            const description = counts
              .map((count, bin) =>
                count
                  ? t.t('managerRounds.results.band', {
                      from: bin * (100 / BINS),
                      to: (bin + 1) * (100 / BINS),
                      count,
                    })
                  : '',
              )
              .filter(Boolean)
              .join('; ');
            return (
              <figure class="histogram-figure">
                <ScoreHistogram
                  id={`juror-${i}`}
                  title={t.t('managerRounds.results.histogramTitle', { name: juror.name })}
                  description={description}
                  totals={juror.totals}
                />
                <figcaption>
                  {juror.name}: {t.t('managerRounds.results.sheets', { count: juror.totals.length })}
                </figcaption>
              </figure>
            );
          })}
        </div>
        <Pager
          page={results.jurorPage}
          pages={results.jurorPages}
          label={t.t('managerRounds.results.jurorPages')}
          href={(n) => `${here(results.page, n)}#distributions`}
        />
      </section>
    </RoundsFrame>
  );
}

function RankingTable(props: { rows: ResultRow[]; criterion: (code: string) => string }) {
  const { t } = usePage();
  const caption = t.t('managerRounds.results.ranking');
  return (
    <section aria-labelledby="ranking" class="wide-section">
      <h2 id="ranking">{caption}</h2>
      <TableScroll label={caption}>
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t.t('managerRounds.results.rank')}
              </th>
              <th scope="col">{t.t('managerRounds.results.application')}</th>
              <th scope="col" class="num">
                {t.t('managerRounds.results.sheetsHeading')}
              </th>
              <th scope="col" class="num">
                {t.t('managerRounds.results.official')}
              </th>
              <th scope="col" class="num">
                {t.t('managerRounds.results.calibrated')}
              </th>
              <th scope="col" class="num">
                {t.t('managerRounds.results.spread')}
              </th>
              <th scope="col">{t.t('managerRounds.results.gates')}</th>
              <th scope="col">{t.t('managerRounds.results.quorum')}</th>
              <th scope="col">{t.t('managerRounds.results.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr class={r.disputed ? 'disputed' : undefined}>
                <td class="num">{r.rank ?? '—'}</td>
                <th scope="row">
                  <span class="reference-cell">{r.reference}</span>
                  <br />
                  <span class="muted">{r.title}</span>
                </th>
                <td class="num">{r.count}</td>
                <td class="num">{scoreText(t, r.official)}</td>
                <td class="num">{scoreText(t, r.calibrated)}</td>
                <td class="num">{scoreText(t, r.spread)}</td>
                <td>
                  {r.gatesFailed.length === 0
                    ? t.t('managerRounds.results.gatesPassed')
                    : t.t('managerRounds.results.gatesFailed', {
                        criteria: r.gatesFailed.map(props.criterion).join(', '),
                      })}
                </td>
                <td>
                  {r.quorumMet ? t.t('managerRounds.results.quorumMet') : t.t('managerRounds.results.quorumNotMet')}
                </td>
                <td>
                  {reasonWord(t, r.reason)}
                  {r.disputed && (
                    <>
                      {' '}
                      <span class="tag warn">{t.t('managerRounds.results.disputed')}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
