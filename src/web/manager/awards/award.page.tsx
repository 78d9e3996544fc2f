import { MessageKey } from '../../i18n/catalogue';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox } from '../../ui/form';
import { AwardProblem } from './award-problems';
import { Layout } from '../../ui/layout';
import { HistorySection, OfferSection, PaymentsAndReports, TranchesSection, TrancheValues } from './award-sections';
import { AWARD_STATUS, Breadcrumbs, StatusTag, useWorded } from './manager-awards-labels';
import { ManagerAward } from './manager-awards-view';

export const MAX_REASON = 2000;

export type AwardNotice = 'schedule' | 'cancelled';
export const isAwardNotice = (value: unknown): value is AwardNotice => value === 'schedule' || value === 'cancelled';

export interface ManagerAwardPageProps {
  award: ManagerAward;
  /** The tranches' labels and amounts as typed (or as stored), in tranche order. */
  schedule: TrancheValues[];
  errors: AwardProblem[];
  reason?: string;
  notice?: AwardNotice;
  problemKey?: MessageKey;
}

function CancelSection(props: { award: ManagerAward; reason?: string; errors: FieldError[] }) {
  const { t } = usePage();
  const error = props.errors.find((e) => e.field === 'reason');
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t.t('managerAwards.cancel.title')}</h2>
      <form method="post" action={`/manage/awards/${props.award.id}/cancel`}>
        <CsrfField />
        <div class={error ? 'form-group has-error' : 'form-group'}>
          <label for="reason">{t.t('managerAwards.cancel.reason')}</label>
          <span class="hint" id="reason-hint">
            {t.t('managerAwards.cancel.hint')}
          </span>
          {error && (
            <span class="field-error" id="reason-error">
              {t.t(error.message, error.params)}
            </span>
          )}
          <textarea
            id="reason"
            name="reason"
            rows={3}
            maxLength={MAX_REASON}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'reason-hint reason-error' : 'reason-hint'}
          >
            {props.reason}
          </textarea>
        </div>
        <button class="button warning" type="submit">
          {t.t('managerAwards.cancel.submit')}
        </button>
      </form>
    </section>
  );
}

/** One award for a manager: amount, status, offer and answer, schedule (editable before acceptance), payments, reports, history, cancel. */
export function ManagerAwardPage(props: ManagerAwardPageProps) {
  const { t } = usePage();
  const { award } = props;
  const title = t.t('managerAwards.award.title', { reference: award.reference });
  const errors = useWorded(props.errors, () => undefined);
  return (
    <Layout title={title}>
      <Breadcrumbs>
        {' › '}
        <a href={`/manage/competitions/${award.competitionId}/awards`}>
          {t.t('managerAwards.allocation.awards.title')}
        </a>
      </Breadcrumbs>
      {props.notice && (
        <p class="notice success" role="status">
          {t.t(props.notice === 'schedule' ? 'managerAwards.tranches.done' : 'managerAwards.cancel.done')}
        </p>
      )}
      <ProblemBox message={props.problemKey} />
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{award.applicationTitle}</p>
      <dl class="summary-list">
        <dt>{t.t('managerAwards.award.status')}</dt>
        <dd>
          <StatusTag label={AWARD_STATUS[award.status]} />
        </dd>
        <dt>{t.t('managerAwards.award.amount')}</dt>
        <dd>{t.money(award.amount)}</dd>
        <dt>{t.t('managerAwards.award.requested')}</dt>
        <dd>{t.money(award.requested)}</dd>
        {award.rank !== null && (
          <>
            <dt>{t.t('managerAwards.award.rank')}</dt>
            <dd>{award.rank}</dd>
          </>
        )}
        {award.comment && award.status === 'proposed' && (
          <>
            <dt>{t.t('managerAwards.award.sentBack')}</dt>
            <dd>{award.comment}</dd>
          </>
        )}
        {award.reason && (
          <>
            <dt>{t.t('managerAwards.award.reason')}</dt>
            <dd>{award.reason}</dd>
          </>
        )}
      </dl>
      <OfferSection award={award} />
      <TranchesSection award={award} schedule={props.schedule} errors={errors} />
      <PaymentsAndReports award={award} />
      <HistorySection award={award} />
      {award.cancellable && <CancelSection award={award} reason={props.reason} errors={errors} />}
    </Layout>
  );
}
