import { Application } from '../../modules/applications/entities/application.entity';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, TextArea } from '../ui/form';
import { Layout } from '../ui/layout';

/** Asks before withdrawing, which cannot be undone, with an optional reason. */
export function WithdrawPage(props: { application: Application; reason: string; errors: FieldError[] }) {
  const { t } = usePage();
  const a = props.application;
  return (
    <Layout title={t.t('apply.withdraw.title')}>
      <ErrorSummary errors={props.errors} />
      <span class="hint">
        {a.reference ? `${a.reference} · ` : ''}
        {a.title || t.t('apply.untitled')}
      </span>
      <h1>{t.t('apply.withdraw.title')}</h1>
      <p class="notice">{t.t('apply.withdraw.warning')}</p>
      <form method="post" action={`/applications/${a.id}/withdraw`} novalidate>
        <CsrfField />
        <TextArea
          name="reason"
          label={t.t('apply.withdraw.reason')}
          value={props.reason}
          maxLength={1000}
          rows={3}
          errors={props.errors}
        />
        <button class="button warning" type="submit">
          {t.t('apply.withdraw.confirm')}
        </button>
        <a class="button secondary" href={`/applications/${a.id}`}>
          {t.t('apply.withdraw.keep')}
        </a>
      </form>
    </Layout>
  );
}
