import { contentText } from '../i18n/content';
import { Translator } from '../i18n/translator';
import { usePage } from '../render/page-context';
import { API_BASE } from './api-links';
import { AllocationView, CriterionView, RoundView } from './public-views';
import { allocationReasonText, resultReasonText, roundStatusText, score } from './words';
import { TableScroll } from '../ui/table-scroll';

function advancementText(t: Translator, a: NonNullable<RoundView['advancement']>): string {
  switch (a.kind) {
    case 'top':
      return t.t('public.round.advanceTop', { count: a.n });
    case 'cutoff':
      return t.t('public.round.advanceCutoff', { score: a.score });
    case 'budget':
      return t.t('public.round.advanceBudget', { multiple: a.multiple });
  }
}

/** A published round: its scoring method in words, the rubric with every level, and its results once final. */
export function RoundSection(props: { round: RoundView }) {
  const { t, language } = usePage();
  const r = props.round;
  const priority = r.criteria.find((c) => c.code === r.priorityCriterion);
  return (
    <section aria-labelledby={`round-${r.id}`}>
      <h3 id={`round-${r.id}`}>
        {contentText(r.name, language)} <span class="tag">{roundStatusText(t, r.status)}</span>
      </h3>
      <dl class="summary-list">
        <dt>{t.t('public.round.deadline')}</dt>
        <dd>
          <time dateTime={r.deadline.toISOString()}>{t.dateTime(r.deadline)}</time>
        </dd>
        {r.jurorsPerApplication !== undefined && (
          <>
            <dt>{t.t('public.round.jurors')}</dt>
            <dd>{t.t('public.round.jurorsText', { count: r.jurorsPerApplication })}</dd>
          </>
        )}
        {r.quorum !== undefined && (
          <>
            <dt>{t.t('public.round.quorum')}</dt>
            <dd>{t.t('public.round.quorumText', { count: r.quorum })}</dd>
          </>
        )}
        {r.advancement && (
          <>
            <dt>{t.t('public.round.advancement')}</dt>
            <dd>{advancementText(t, r.advancement)}</dd>
          </>
        )}
        {priority && (
          <>
            <dt>{t.t('public.round.ties')}</dt>
            <dd>{t.t('public.round.tiesText', { criterion: contentText(priority.title, language) })}</dd>
          </>
        )}
        {r.blind !== undefined && (
          <>
            <dt>{t.t('public.round.blind')}</dt>
            <dd>{r.blind ? t.t('public.round.blindYes') : t.t('public.round.blindNo')}</dd>
          </>
        )}
        {r.calibratedDecisive !== undefined && (
          <>
            <dt>{t.t('public.round.calibrated')}</dt>
            <dd>{r.calibratedDecisive ? t.t('public.round.calibratedYes') : t.t('public.round.calibratedNo')}</dd>
          </>
        )}
        {r.seed && (
          <>
            <dt>{t.t('public.round.seed')}</dt>
            <dd>
              <code class="seed">{r.seed}</code>
            </dd>
          </>
        )}
      </dl>
      {r.criteria.length > 0 && (
        <>
          <h4>{t.t('public.round.rubric')}</h4>
          {r.criteria.map((criterion) => (
            <CriterionBlock criterion={criterion} />
          ))}
        </>
      )}
      <details>
        <summary>{t.t('public.round.rankingRules')}</summary>
        <p lang="en">{r.rankingDescription}</p>
        <p>
          <a href={`${API_BASE}/public/rounds/${r.id}`}>{t.t('public.round.methodJson')}</a>
        </p>
      </details>
      {r.results && <RoundResults round={r} />}
    </section>
  );
}

function CriterionBlock(props: { criterion: CriterionView }) {
  const { t, language } = usePage();
  const c = props.criterion;
  return (
    <div class="criterion">
      <h5>{contentText(c.title, language)}</h5>
      <p class="muted">
        {t.t('public.round.criterionScale', { max: c.max, weight: c.weight })}
        {c.min !== undefined && ` ${t.t('public.round.criterionGate', { min: c.min })}`}
      </p>
      {contentText(c.description, language) && <p>{contentText(c.description, language)}</p>}
      {c.descriptors.length > 0 && (
        <ol class="levels" start={0}>
          {c.descriptors.map((descriptor, level) => (
            <li value={level}>
              <strong>{t.t('public.round.level', { count: level })}</strong> {contentText(descriptor, language)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function RoundResults(props: { round: RoundView }) {
  const { t } = usePage();
  const r = props.round;
  return (
    <>
      <h4>{t.t('public.round.results')}</h4>
      <p>
        {t.t('public.round.resultsLead')}{' '}
        <a href={`${API_BASE}/public/rounds/${r.id}/results`}>{t.t('public.round.resultsJson')}</a>
      </p>
      <TableScroll label={t.t('public.round.results')}>
        <table>
          <caption class="visually-hidden">{t.t('public.round.results')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t.t('public.round.rank')}
              </th>
              <th scope="col">{t.t('public.round.reference')}</th>
              <th scope="col" class="num">
                {t.t('public.round.scoresheets')}
              </th>
              <th scope="col" class="num">
                {t.t('public.round.official')}
              </th>
              <th scope="col" class="num">
                {t.t('public.round.calibratedScore')}
              </th>
              <th scope="col">{t.t('public.round.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {(r.results ?? []).map((row) => (
              <tr>
                <td class="num">{row.rank ?? '—'}</td>
                <td>{row.reference}</td>
                <td class="num">{row.scoresheets}</td>
                <td class="num">{score(t, row.official)}</td>
                <td class="num">{score(t, row.calibrated)}</td>
                <td>{resultReasonText(t, row.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** The published ranked list with what each application got and why, and what the budget holds. */
export function AllocationSection(props: { allocation: AllocationView; competitionId: string }) {
  const { t, language } = usePage();
  const a = props.allocation;
  return (
    <section aria-labelledby="allocation">
      <h2 id="allocation">{t.t('public.allocation.title')}</h2>
      <dl class="summary-list">
        <dt>{t.t('public.competition.budget')}</dt>
        <dd>{t.money(a.budget)}</dd>
        <dt>{t.t('public.allocation.committed')}</dt>
        <dd>{t.money(a.committed)}</dd>
        <dt>{t.t('public.allocation.remaining')}</dt>
        <dd>{t.money(a.remaining)}</dd>
      </dl>
      <p>
        <a href={`${API_BASE}/public/competitions/${props.competitionId}/allocation`}>
          {t.t('public.allocation.json')}
        </a>
      </p>
      <TableScroll label={t.t('public.allocation.title')}>
        <table>
          <caption class="visually-hidden">{t.t('public.allocation.title')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t.t('public.round.rank')}
              </th>
              <th scope="col">{t.t('public.round.reference')}</th>
              <th scope="col">{t.t('public.allocation.village')}</th>
              <th scope="col" class="num">
                {t.t('public.allocation.requested')}
              </th>
              <th scope="col" class="num">
                {t.t('public.allocation.amount')}
              </th>
              <th scope="col">{t.t('public.allocation.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {a.decisions.map((d) => (
              <tr>
                <td class="num">{d.rank ?? '—'}</td>
                <td>{d.reference}</td>
                <td>{contentText(d.village, language)}</td>
                <td class="num">{t.money(d.requested)}</td>
                <td class="num">{t.money(d.amount)}</td>
                <td>{allocationReasonText(t, d.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
