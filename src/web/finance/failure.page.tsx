import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextArea } from '../ui/form';
import { Layout } from '../ui/layout';
import { FailureValues, MAX_REASON } from './failure-form';
import { RecentPayment } from './finance-views';

export interface FailurePageProps {
  payment: RecentPayment;
  values: FailureValues;
  errors: FieldError[];
  problem?: MessageKey;
}

/** Recording that a transfer failed: the reason; the ledger reverses it and the tranche can be paid anew. */
export function FailurePage(props: FailurePageProps) {
  const { t, language } = usePage();
  const { payment, values, errors } = props;
  const title = t.t('finance.failure.title');
  const open = payment.status === 'recorded';
  return (
    <Layout title={title}>
      <p>
        <a href="/finance/payments">{t.t('finance.failure.back')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <ProblemBox message={props.problem ?? (open ? undefined : 'finance.failure.problem.alreadyFailed')} />
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t.t('finance.col.award')}</dt>
        <dd>
          {payment.reference}, {payment.granteeName}
        </dd>
        <dt>{t.t('finance.col.tranche')}</dt>
        <dd>
          {payment.tranchePosition}. {contentText(payment.trancheLabel, language)}
        </dd>
        <dt>{t.t('finance.col.amount')}</dt>
        <dd>{t.money(payment.amount)}</dd>
        <dt>{t.t('finance.col.bankReference')}</dt>
        <dd>{payment.bankReference}</dd>
        <dt>{t.t('finance.col.paidOn')}</dt>
        <dd>{t.date(payment.paidOn)}</dd>
      </dl>
      {open && (
        <form method="post" action={`/finance/payments/${payment.paymentId}/failure`} novalidate>
          <CsrfField />
          <input type="hidden" name="formKey" value={values.formKey} />
          <p>{t.t('finance.failure.lead')}</p>
          <TextArea
            name="reason"
            label={t.t('finance.failure.reason.label')}
            hint={t.t('finance.failure.reason.hint')}
            value={values.reason}
            maxLength={MAX_REASON}
            rows={4}
            errors={errors}
          />
          <button type="submit" class="button warning">
            {t.t('finance.failure.submit')}
          </button>
        </form>
      )}
    </Layout>
  );
}
