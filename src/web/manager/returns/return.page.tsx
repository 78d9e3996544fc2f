import { ApplicationStatus } from '../../../modules/applications/domain/application-status';
import { MessageKey } from '../../i18n/catalogue';
import { ContentText, contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextArea, TextField } from '../../ui/form';
import { Layout } from '../../ui/layout';

export interface ReturnApplication {
  id: string;
  title: string;
  reference: string | null;
  status: ApplicationStatus;
  competitionTitle: ContentText;
}

export interface ReturnForm {
  message: string;
  /** YYYY-MM-DD, a day in Almaty. */
  answerBy: string;
}

/**
 * A manager returns a submitted application to its applicant: what to change, and the day to
 * send it again by. Only a submitted application has the form; any other says why not.
 */
export function ReturnPage(props: {
  application: ReturnApplication;
  form: ReturnForm;
  errors: FieldError[];
  problem?: MessageKey;
}) {
  const { t, language } = usePage();
  const a = props.application;
  const back = `/manage/applications/${a.id}`;
  return (
    <Layout title={t.t('managerReturns.title')}>
      <p class="breadcrumbs">
        <a href={back}>{t.t('managerReturns.back')}</a>
      </p>
      <ErrorSummary errors={props.errors} />
      <ProblemBox message={props.problem} />
      <span class="hint">{contentText(a.competitionTitle, language)}</span>
      <h1>{t.t('managerReturns.title')}</h1>
      <dl class="summary-list">
        <dt>{t.t('managerReturns.field.application')}</dt>
        <dd>
          {a.reference ? `${a.reference} · ` : ''}
          {a.title || t.t('apply.untitled')}
        </dd>
        <dt>{t.t('managerReturns.field.status')}</dt>
        <dd>{t.t(`apply.status.${a.status}` as MessageKey)}</dd>
      </dl>
      {a.status === 'submitted' && (
        <>
          <p>{t.t('managerReturns.lead')}</p>
          <form method="post" action={`/manage/applications/${a.id}/return`} novalidate class="return-form">
            <CsrfField />
            <TextArea
              name="message"
              label={t.t('managerReturns.message.label')}
              hint={t.t('managerReturns.message.hint')}
              value={props.form.message}
              maxLength={2000}
              rows={8}
              errors={props.errors}
            />
            <TextField
              name="answerBy"
              type="date"
              label={t.t('managerReturns.answerBy.label')}
              hint={t.t('managerReturns.answerBy.hint')}
              value={props.form.answerBy}
              errors={props.errors}
              required
            />
            <button class="button warning" type="submit">
              {t.t('managerReturns.submit')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
