import { contentText } from '../../i18n/content';
import { MessageKey } from '../../i18n/catalogue';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { ApplicationStatusTag, knownKey } from '../home/manager-labels';
import { AttachmentsSection } from './attachments-section';
import { ApplicationData } from './manager-applications-views';
import { ScreeningFields } from './screening-fields';
import { ScreeningForm } from './screening-form';
import { SnapshotView } from './snapshot-view';

export interface ApplicationPageProps {
  data: ApplicationData;
  form: ScreeningForm;
  errors: FieldError[];
  notice?: MessageKey;
  problem?: MessageKey;
}

/**
 * One application for its managers: who applied (managers may see it), the snapshot as submitted,
 * the files with whether each may reveal the applicant, the history, and screening while it waits.
 */
export function ApplicationPage(props: ApplicationPageProps) {
  const { t, language } = usePage();
  const { application: a, competition: c, dossier: d } = props.data;
  const title = a.title || t.t('managerApplications.untitled');
  const waiting = a.status === 'submitted';
  return (
    <Layout title={`${a.reference ?? ''} ${title}`.trim()}>
      <div class="manager-page">
        <p class="breadcrumbs">
          <a href="/manage">{t.t('managerHome.title')}</a> ›{' '}
          <a href={`/manage/competitions/${c.id}`}>{contentText(c.title, language)}</a> ›{' '}
          <a href={`/manage/competitions/${c.id}/applications`}>{t.t('managerApplications.title')}</a>
        </p>
        {a.reference && <span class="hint">{a.reference}</span>}
        <h1>{title}</h1>
        <ErrorSummary errors={props.errors} />
        <ProblemBox message={props.problem} />
        {props.notice && (
          <p class="notice success" role="status">
            {t.t(props.notice)}
          </p>
        )}
        <dl class="summary-list">
          <dt>{t.t('managerApplications.col.status')}</dt>
          <dd>
            <ApplicationStatusTag status={a.status} />
          </dd>
          {a.submittedAt && (
            <>
              <dt>{t.t('managerApplications.col.submitted')}</dt>
              <dd>
                <time dateTime={a.submittedAt.toISOString()}>{t.dateTime(a.submittedAt)}</time>
              </dd>
            </>
          )}
          {a.screeningReason && (
            <>
              <dt>{t.t('managerApplications.reason.label')}</dt>
              <dd>
                {t.t(knownKey(`managerApplications.reason.${a.screeningReason}`) ?? 'managerApplications.reason.other')}
              </dd>
            </>
          )}
          {a.screeningNote && (
            <>
              <dt>{t.t('managerApplications.note.label')}</dt>
              <dd>{a.screeningNote}</dd>
            </>
          )}
        </dl>

        <h2 id="applicant">{t.t('managerApplications.applicant.title')}</h2>
        <dl class="summary-list">
          <dt>{t.t('managerApplications.applicant.name')}</dt>
          <dd>{d.applicant.name}</dd>
          <dt>{t.t('managerApplications.applicant.email')}</dt>
          <dd>
            <a href={`mailto:${d.applicant.email}`}>{d.applicant.email}</a>
          </dd>
          <dt>{t.t('managerApplications.applicant.phone')}</dt>
          <dd>{d.applicant.phone ?? '—'}</dd>
          <dt>{t.t('managerApplications.col.village')}</dt>
          <dd>
            {contentText(d.villageName, language)}, {contentText(d.districtName, language)}
          </dd>
          {a.assisted && (
            <>
              <dt>{t.t('managerApplications.applicant.assisted')}</dt>
              <dd>{t.t('managerApplications.applicant.assistedYes')}</dd>
            </>
          )}
        </dl>

        {waiting && (
          <section aria-labelledby="screening-heading" class="manager-panel">
            <h2 id="screening-heading">{t.t('managerApplications.screen.title')}</h2>
            <form method="post" action={`/manage/applications/${a.id}/screening`}>
              <CsrfField />
              <ScreeningFields form={props.form} errors={props.errors} />
              <button type="submit" class="button">
                {t.t('managerApplications.screen.submit')}
              </button>
            </form>
            <p>
              <a href={`/manage/applications/${a.id}/return`}>{t.t('managerApplications.screen.return')}</a>
              <span class="hint">{t.t('managerApplications.screen.returnHint')}</span>
            </p>
          </section>
        )}

        <h2 id="snapshot">{t.t('managerApplications.snapshot.title')}</h2>
        {d.snapshot ? (
          <>
            <p class="hint">
              {t.t('managerApplications.snapshot.frozenAt')}{' '}
              <time dateTime={d.snapshot.createdAt.toISOString()}>{t.dateTime(d.snapshot.createdAt)}</time>
            </p>
            <SnapshotView content={d.snapshot.content} goals={d.goals} />
          </>
        ) : (
          <p>{t.t('managerApplications.snapshot.notYet')}</p>
        )}

        <AttachmentsSection applicationId={a.id} files={props.data.files} />

        <h2 id="history">{t.t('managerApplications.history.title')}</h2>
        {props.data.history.length === 0 ? (
          <p>{t.t('managerApplications.history.none')}</p>
        ) : (
          <ol class="timeline">
            {props.data.history.map(({ event, actorName }) => (
              <li>
                <time dateTime={event.occurredAt.toISOString()}>{t.dateTime(event.occurredAt)}</time>:{' '}
                {t.t(knownKey(`managerApplications.action.${event.action}`) ?? 'managerApplications.action.other')}
                <span class="hint">
                  {actorName ?? t.t('managerApplications.history.system')}
                  {event.action === 'application.screened' && typeof event.after?.status === 'string' && (
                    <>
                      {' '}
                      · <ApplicationStatusTag status={event.after.status} />
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Layout>
  );
}
