import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { TrancheToPay } from './finance-views';
import { PayValues } from './pay-form';

export interface PayPageProps {
  tranche: TrancheToPay;
  values: PayValues;
  errors: FieldError[];
  /** A refusal that belongs to no field (four eyes, paid meanwhile, ...), in words. */
  problem?: MessageKey;
}

/** Recording the payment of one approved tranche: the transfer's bank reference and value date. */
export function PayPage(props: PayPageProps) {
  const { t, language } = usePage();
  const { tranche, values, errors } = props;
  const title = t.t('finance.pay.title');
  const payable = tranche.status === 'approved';
  return (
    <Layout title={title}>
      <p>
        <a href="/finance">{t.t('finance.pay.back')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <ProblemBox message={props.problem ?? (payable ? undefined : 'finance.pay.problem.notApproved')} />
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t.t('finance.col.competition')}</dt>
        <dd>{contentText(tranche.competitionTitle, language)}</dd>
        <dt>{t.t('finance.col.award')}</dt>
        <dd>{tranche.reference}</dd>
        <dt>{t.t('finance.pay.grantee')}</dt>
        <dd>{tranche.granteeName}</dd>
        <dt>{t.t('finance.col.tranche')}</dt>
        <dd>
          {tranche.tranchePosition}. {contentText(tranche.trancheLabel, language)}
        </dd>
        <dt>{t.t('finance.col.amount')}</dt>
        <dd>{t.money(tranche.amount)}</dd>
        <dt>{t.t('finance.col.approved')}</dt>
        <dd>{t.date(tranche.approvedAt)}</dd>
      </dl>
      {payable && (
        <form method="post" action={`/finance/tranches/${tranche.trancheId}/pay`} novalidate>
          <CsrfField />
          <input type="hidden" name="formKey" value={values.formKey} />
          <p>{t.t('finance.pay.lead')}</p>
          <TextField
            name="bankReference"
            label={t.t('finance.pay.bankReference.label')}
            hint={t.t('finance.pay.bankReference.hint')}
            value={values.bankReference}
            maxLength={100}
            autocomplete="off"
            errors={errors}
          />
          <TextField
            name="paidOn"
            type="date"
            label={t.t('finance.pay.paidOn.label')}
            hint={t.t('finance.pay.paidOn.hint')}
            value={values.paidOn}
            errors={errors}
          />
          <button type="submit" class="button">
            {t.t('finance.pay.submit')}
          </button>
        </form>
      )}
    </Layout>
  );
}
