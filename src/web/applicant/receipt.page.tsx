import { VNode } from 'preact';
import { canApplication } from '../../modules/applications/domain/application-status';
import { Application } from '../../modules/applications/entities/application.entity';
import { ApplicationStatusChange } from '../../modules/applications/entities/application-status-change.entity';
import { Attachment } from '../../modules/attachments/entities/attachment.entity';
import { Competition } from '../../modules/competitions/entities/competition.entity';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { AnswersSummary } from './answers-summary';
import { nextStepKey, StatusTag } from './applicant-ui';
import { PlanGoalView } from './goals.page';
import { ApplicationStatus } from '../../modules/applications/domain/application-status';
import { RETURN_LAPSED_REASON } from '../../modules/applications/domain/returns';
import { MessageKey } from '../i18n/catalogue';
import { LapsedNotice } from './return-notice';

export interface ReceiptProps {
  application: Application;
  competition: Competition;
  history: ApplicationStatusChange[];
  goals: PlanGoalView[];
  files: Attachment[];
  /**
   * Slot for the round result and the award offer link (rendered by the pages after a decision,
   * helper "applicant-after"): shown under the status, above the history. Nothing when absent.
   */
  outcome?: VNode;
  /** For an application withdrawn because its return for changes lapsed: the date it was due. */
  lapsedAnswerBy?: Date | null;
}

/** A submitted application: the reference to keep (printable), where it stands, its history. */
export function ReceiptPage(props: ReceiptProps) {
  const { t, language } = usePage();
  const a = props.application;
  const statusWord = (status: string) => t.t(`apply.status.${status as ApplicationStatus}` as MessageKey);
  // Each submission after the first is a new version of the content (after a return for changes).
  let submissions = 0;
  const stepWord = (change: ApplicationStatusChange) => {
    if (change.toStatus !== 'submitted') return statusWord(change.toStatus);
    submissions += 1;
    return submissions === 1
      ? statusWord(change.toStatus)
      : t.t('applyReturns.timeline.resubmitted', { version: submissions });
  };
  const reasonWord = (reason: string) => (reason === RETURN_LAPSED_REASON ? t.t('applyReturns.lapsed.reason') : reason);
  return (
    <Layout title={a.title || t.t('apply.untitled')}>
      <p class="breadcrumbs no-print">
        <a href="/applications">{t.t('apply.dashboard.title')}</a>
      </p>
      <span class="hint">{contentText(props.competition.title, language)}</span>
      <h1>{a.title || t.t('apply.untitled')}</h1>
      {a.reference && (
        <div class="notice success receipt">
          <p>{t.t('apply.receipt.reference')}</p>
          <p class="reference">
            <strong>{a.reference}</strong>
          </p>
          {a.submittedAt && (
            <p>
              {t.t('apply.receipt.submittedAt')}:{' '}
              <time dateTime={a.submittedAt.toISOString()}>{t.dateTime(a.submittedAt)}</time>
            </p>
          )}
          <p>{t.t('apply.receipt.keep')}</p>
        </div>
      )}
      <p class="no-print" hidden data-print-button="">
        <button type="button" class="button secondary" data-print="">
          {t.t('apply.receipt.print')}
        </button>
      </p>
      <dl class="summary-list">
        <dt>{t.t('apply.field.status')}</dt>
        <dd>
          <StatusTag status={a.status} />
        </dd>
        <dt>{t.t('apply.field.next')}</dt>
        <dd>{t.t(nextStepKey(a.status))}</dd>
      </dl>
      {props.lapsedAnswerBy && <LapsedNotice answerBy={props.lapsedAnswerBy} />}
      {props.outcome}
      <h2>{t.t('apply.receipt.timeline')}</h2>
      <ol class="timeline">
        {props.history.map((change) => (
          <li>
            <time dateTime={change.at.toISOString()}>{t.dateTime(change.at)}</time>: {stepWord(change)}
            {change.reason && <span class="hint">{reasonWord(change.reason)}</span>}
          </li>
        ))}
      </ol>
      {canApplication('withdraw', a.status) && (
        <p class="no-print">
          <a class="button warning" href={`/applications/${a.id}/withdraw`}>
            {t.t('apply.withdraw.link')}
          </a>
        </p>
      )}
      <h2>{t.t('apply.receipt.content')}</h2>
      <AnswersSummary application={a} goals={props.goals} files={props.files} changeLinks={false} />
    </Layout>
  );
}
