import { Application } from '../../modules/applications/entities/application.entity';
import { Attachment } from '../../modules/attachments/entities/attachment.entity';
import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { CsrfField } from '../ui/form';
import { Layout } from '../ui/layout';
import { AnswersSummary } from './answers-summary';
import { ProblemSummary } from './applicant-ui';
import { PlanGoalView } from './goals.page';
import { LinkedProblem } from './submission-problems';

/** Everything the draft says, with change links, and the submit button; broken rules on top. */
export function CheckAnswersPage(props: {
  application: Application;
  goals: PlanGoalView[];
  files: Attachment[];
  problems: LinkedProblem[];
  blocker?: MessageKey;
  /** A returned application, sent again as a new version with the same reference. */
  resubmitting?: boolean;
}) {
  const { t } = usePage();
  const id = props.application.id;
  return (
    <Layout title={t.t('apply.check.title')}>
      <p class="breadcrumbs">
        <a href={`/applications/${id}`}>{t.t('applySteps.backToTasks')}</a>
      </p>
      <ProblemSummary problems={props.problems} extra={props.blocker ? [t.t(props.blocker)] : undefined} />
      <h1>{t.t('apply.check.title')}</h1>
      <AnswersSummary application={props.application} goals={props.goals} files={props.files} changeLinks />
      <h2>{t.t('apply.check.submitHeading')}</h2>
      {props.resubmitting && <p>{t.t('applyReturns.check.lead', { reference: props.application.reference ?? '' })}</p>}
      <p>{t.t('apply.check.declaration')}</p>
      <form method="post" action={`/applications/${id}/submit`}>
        <CsrfField />
        <button class="button" type="submit">
          {t.t(props.resubmitting ? 'applyReturns.check.resubmit' : 'apply.check.submit')}
        </button>
      </form>
    </Layout>
  );
}
