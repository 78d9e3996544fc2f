import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, TextArea } from '../ui/form';
import { Layout } from '../ui/layout';

/** Asks before recusing, which cannot be undone, with the reason (required). */
export function RecusePage(props: { assignmentId: string; title: string; reason: string; errors: FieldError[] }) {
  const { t } = usePage();
  const back = `/reviews/assignments/${props.assignmentId}`;
  return (
    <Layout title={t.t('juror.recuse.title')}>
      <ErrorSummary errors={props.errors} />
      <span class="hint">{props.title || t.t('juror.untitled')}</span>
      <h1>{t.t('juror.recuse.title')}</h1>
      <p class="notice">{t.t('juror.recuse.warning')}</p>
      <form method="post" action={`${back}/recuse`} novalidate>
        <CsrfField />
        <TextArea
          name="reason"
          label={t.t('juror.recuse.reason')}
          hint={t.t('juror.recuse.reasonHint')}
          value={props.reason}
          maxLength={2000}
          rows={3}
          errors={props.errors}
        />
        <button class="button warning" type="submit">
          {t.t('juror.recuse.confirm')}
        </button>
        <a class="button secondary" href={back}>
          {t.t('juror.recuse.keep')}
        </a>
      </form>
    </Layout>
  );
}
