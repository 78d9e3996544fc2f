import { AssignmentViewDto } from '../../modules/reviews/dto/workspace.dto';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { TableScroll } from '../ui/table-scroll';
import { labelOr } from './juror-ui';

interface BudgetLine {
  category?: string;
  description?: string;
  amount?: string;
  source?: string;
}

const kilobytes = (size: number) => Math.max(1, Math.round(size / 1024));

/**
 * The frozen application as a juror reads it. In a blind round what it is given has no name,
 * reference or contacts at all; only in a round that is not blind are the reference and the
 * applicant's name there to show.
 */
export function Snapshot(props: { view: AssignmentViewDto }) {
  const { t, language } = usePage();
  const { view } = props;
  const a = view.application;
  const named = 'applicantName' in a ? a : null;
  const lines = a.budgetLines as BudgetLine[];
  return (
    <section class="snapshot" aria-labelledby="snapshot-title">
      <h2 id="snapshot-title">{a.title || t.t('juror.untitled')}</h2>
      {view.round.blind ? (
        <p class="hint">{t.t('juror.score.blind')}</p>
      ) : (
        named && (
          <dl class="summary-list">
            <dt>{t.t('juror.score.reference')}</dt>
            <dd>{named.reference}</dd>
            <dt>{t.t('juror.score.applicant')}</dt>
            <dd>{named.applicantName}</dd>
          </dl>
        )
      )}
      <dl class="summary-list">
        <dt>{t.t('juror.score.sector')}</dt>
        <dd>{labelOr(t, `applySteps.sector.${a.sector}`, a.sector)}</dd>
        <dt>{t.t('juror.score.village')}</dt>
        <dd>{contentText(a.villageName, language)}</dd>
        <dt>{t.t('juror.score.requested')}</dt>
        <dd>{t.money(a.requestedAmount)}</dd>
        <dt>{t.t('juror.score.own')}</dt>
        <dd>{t.money(a.ownContribution)}</dd>
        <dt>{t.t('juror.score.jobs')}</dt>
        <dd>{t.number(a.jobsCreated)}</dd>
        {a.plannedStart && (
          <>
            <dt>{t.t('juror.score.start')}</dt>
            <dd>{t.date(a.plannedStart)}</dd>
          </>
        )}
        {a.durationMonths !== null && (
          <>
            <dt>{t.t('juror.score.duration')}</dt>
            <dd>{t.t('juror.score.months', { count: a.durationMonths })}</dd>
          </>
        )}
      </dl>
      <h3>{t.t('juror.score.summary')}</h3>
      <p class="prose">{a.summary}</p>
      {a.description && (
        <>
          <h3>{t.t('juror.score.description')}</h3>
          <p class="prose">{a.description}</p>
        </>
      )}
      <h3>{t.t('juror.score.goals')}</h3>
      <ul class="goal-list">
        {a.goals.map((g) => (
          <li>
            <strong>
              {g.code}. {contentText(g.title, language)}
            </strong>
            {g.contribution && <p>{g.contribution}</p>}
          </li>
        ))}
      </ul>
      <h3>{t.t('juror.score.budget')}</h3>
      <TableScroll label={t.t('juror.score.budget')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t('juror.score.budget.item')}</th>
              <th scope="col">{t.t('juror.score.budget.source')}</th>
              <th scope="col" class="num">
                {t.t('juror.score.budget.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr>
                <td>
                  {labelOr(t, `applySteps.category.${line.category ?? ''}`, line.category ?? '')}
                  {line.description && <> · {line.description}</>}
                </td>
                <td>{labelOr(t, `applySteps.budget.source.${line.source ?? ''}`, line.source ?? '')}</td>
                <td class="num">{/^\d+$/.test(line.amount ?? '') ? t.money(line.amount as string) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t.t('juror.score.files')}</h3>
      {view.attachments.length === 0 ? (
        <p>{t.t('juror.score.noFiles')}</p>
      ) : (
        <ul>
          {view.attachments.map((file) => (
            <li>
              <a href={`/reviews/assignments/${view.id}/attachments/${file.id}`} download={file.name}>
                {file.name}
              </a>{' '}
              <span class="hint">{t.t('juror.score.fileSize', { size: kilobytes(file.size) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
