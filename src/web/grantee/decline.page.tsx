import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, TextArea } from '../ui/form';
import { Layout } from '../ui/layout';
import { GranteeAward } from './grantee-view';

export const MAX_DECLINE_REASON = 2000;

/** The step before declining: what it means, and why (for the managers), then the decision. */
export function DeclinePage(props: { award: GranteeAward; reason: string; errors: FieldError[] }) {
  const { t } = usePage();
  const { award } = props;
  const title = t.t('grantee.decline.title');
  return (
    <Layout title={title}>
      <ErrorSummary errors={props.errors} />
      <h1>{title}</h1>
      <p class="lead">
        {award.reference} · {award.applicationTitle} · {t.money(award.amount)}
      </p>
      <div class="notice">
        <p>{t.t('grantee.decline.warning')}</p>
      </div>
      <form method="post" action={`/awards/${award.id}/decline`} novalidate>
        <CsrfField />
        <TextArea
          name="reason"
          label={t.t('grantee.decline.reason')}
          hint={t.t('grantee.decline.reasonHint')}
          value={props.reason}
          maxLength={MAX_DECLINE_REASON}
          rows={4}
          errors={props.errors}
        />
        <button class="button warning" type="submit">
          {t.t('grantee.decline.submit')}
        </button>
        <a class="button secondary" href={`/awards/${award.id}`}>
          {t.t('grantee.decline.back')}
        </a>
      </form>
    </Layout>
  );
}
