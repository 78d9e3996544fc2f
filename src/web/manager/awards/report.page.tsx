import type { ReportForReview } from '../../../modules/awards/award-queue-views';
import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { TableScroll } from '../../ui/table-scroll';
import { REPORT_STATUS } from '../../grantee/grantee-labels';
import { Breadcrumbs, StatusTag } from './manager-awards-labels';

export const MAX_REVIEW_COMMENT = 2000;

export interface ReportPageProps {
  report: ReportForReview;
  comment: string;
  errors: FieldError[];
  problemKey?: MessageKey;
}

/** What was spent by budget line, beside what the budget planned for it. */
function Spending(props: { report: ReportForReview }) {
  const { t } = usePage();
  const { report } = props;
  if (report.spending.length === 0) return <p>{t.t('managerAwards.report.spending.none')}</p>;
  const planned = (category: string, description: string) =>
    report.budgetLines.find((l) => l.category === category && l.description === description)?.amount ??
    report.budgetLines.filter((l) => l.category === category).reduce((s, l) => s + l.amount, 0n);
  const total = report.spending.reduce((s, x) => s + BigInt(x.amount), 0n);
  return (
    <TableScroll label={t.t('managerAwards.report.spending.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.t('managerAwards.report.col.category')}</th>
            <th scope="col">{t.t('managerAwards.report.col.description')}</th>
            <th scope="col" class="num">
              {t.t('managerAwards.report.col.budgeted')}
            </th>
            <th scope="col" class="num">
              {t.t('managerAwards.report.col.spent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.spending.map((line) => (
            <tr>
              <td>{line.category}</td>
              <td>{line.description}</td>
              <td class="num">{t.money(planned(line.category, line.description))}</td>
              <td class="num">{t.money(BigInt(line.amount))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t.t('managerAwards.report.total')}
            </th>
            <td class="num">{t.money(total)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

function Decision(props: ReportPageProps) {
  const { t } = usePage();
  const { report } = props;
  const error = props.errors.find((e) => e.field === 'comment');
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t.t('managerAwards.report.decision')}</h2>
      <form method="post" action={`/manage/reports/${report.reportId}/approve`}>
        <CsrfField />
        <p class="hint">{t.t('managerAwards.report.approveHint', { amount: t.money(report.trancheAmount) })}</p>
        <button class="button" type="submit">
          {t.t('managerAwards.report.approve')}
        </button>
      </form>
      <form method="post" action={`/manage/reports/${report.reportId}/return`}>
        <CsrfField />
        <div class={error ? 'form-group has-error' : 'form-group'}>
          <label for="comment">{t.t('managerAwards.report.comment')}</label>
          {error && (
            <span class="field-error" id="comment-error">
              {t.t(error.message, error.params)}
            </span>
          )}
          <textarea
            id="comment"
            name="comment"
            rows={4}
            maxLength={MAX_REVIEW_COMMENT}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'comment-error' : undefined}
          >
            {props.comment}
          </textarea>
        </div>
        <button class="button secondary" type="submit">
          {t.t('managerAwards.report.return')}
        </button>
      </form>
    </section>
  );
}

/** One milestone report: the text, jobs, spending against the budget, the files, and the decision. */
export function ReportPage(props: ReportPageProps) {
  const { t, language } = usePage();
  const { report } = props;
  const title = t.t('managerAwards.report.title', { position: report.tranchePosition, reference: report.reference });
  return (
    <Layout title={title}>
      <Breadcrumbs>
        {' › '}
        <a href="/manage/reports">{t.t('managerAwards.nav.reports')}</a>
      </Breadcrumbs>
      <ProblemBox message={props.problemKey} />
      <ErrorSummary errors={props.errors} />
      <h1>{title}</h1>
      <p class="lead">
        {report.applicationTitle} · {contentText(report.competitionTitle, language)}
      </p>
      <p>
        <StatusTag label={REPORT_STATUS[report.status]} />{' '}
        {t.t('managerAwards.report.sent', { date: t.dateTime(report.submittedAt) })} ·{' '}
        <a href={`/manage/awards/${report.awardId}`}>{t.t('managerAwards.report.award')}</a>
      </p>
      <p>
        {report.tranchePosition}. {contentText(report.trancheLabel, language)}: {t.money(report.trancheAmount)}
      </p>
      <h2>{t.t('managerAwards.report.text')}</h2>
      <p class="ma-report-text">{report.body}</p>
      <p>{t.t('managerAwards.report.jobs', { count: report.jobsCreated })}</p>
      <h2>{t.t('managerAwards.report.spending.title')}</h2>
      <Spending report={report} />
      <h2>{t.t('managerAwards.report.files.title')}</h2>
      {report.files.length === 0 ? (
        <p>{t.t('managerAwards.report.files.none')}</p>
      ) : (
        <ul>
          {report.files.map((file) => (
            <li>
              <a href={`/manage/reports/${report.reportId}/files/${file.id}`} download>
                {t.t('managerAwards.report.files.download', { name: file.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {report.status === 'submitted' ? (
        <Decision {...props} />
      ) : (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t.t('managerAwards.report.decision')}</h2>
          <p>{t.t('managerAwards.report.decided')}</p>
          {report.reviewComment && (
            <p>
              {t.t('managerAwards.report.reviewComment')}: {report.reviewComment}
            </p>
          )}
        </section>
      )}
    </Layout>
  );
}
