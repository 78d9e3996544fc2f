import { canApplication } from '../../modules/applications/domain/application-status';
import { Application } from '../../modules/applications/entities/application.entity';
import { Competition } from '../../modules/competitions/entities/competition.entity';
import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { StatusTag } from './applicant-ui';
import { OpenReturn, ReturnNotice } from './return-notice';
import { Task, TASKS, TaskState } from './task-states';

const STATE_TAG: Record<TaskState, string> = {
  notStarted: 'tag',
  inProgress: 'tag warn',
  completed: 'tag ok',
  optional: 'tag',
};
const TASK_PATH: Record<Task, string> = { project: 'project', goals: 'goals', budget: 'budget', files: 'attachments' };

/**
 * A draft as short steps with how far each is, then checking and submitting. An application
 * returned for changes has the same steps, under the manager's message and the date to answer by.
 */
export function TaskListPage(props: {
  application: Application;
  competition: Competition;
  states: Record<Task, TaskState>;
  openReturn?: OpenReturn;
  now?: Date;
  /** Staff entering it for a walk-in applicant: the way back is to the competition's applications. */
  onBehalfOf?: { competitionId: string };
}) {
  const { t, language } = usePage();
  const a = props.application;
  const title = a.title || t.t('apply.untitled');
  return (
    <Layout title={title}>
      <p class="breadcrumbs">
        {props.onBehalfOf ? (
          <a href={`/manage/competitions/${props.onBehalfOf.competitionId}/applications`}>
            {t.t('managerApplications.title')}
          </a>
        ) : (
          <a href="/applications">{t.t('apply.dashboard.title')}</a>
        )}
      </p>
      <span class="hint">{contentText(props.competition.title, language)}</span>
      <h1>{title}</h1>
      <p>
        <StatusTag status={a.status} />
      </p>
      {props.openReturn ? (
        <ReturnNotice
          applicationId={a.id}
          reference={a.reference}
          open={props.openReturn}
          now={props.now ?? new Date()}
          checkLink
        />
      ) : (
        <p class="notice">{t.t('apply.tasks.deadline', { date: t.dateTime(props.competition.closesAt) })}</p>
      )}
      <p>{t.t('apply.tasks.lead')}</p>
      <h2>{t.t('apply.tasks.heading')}</h2>
      <ol class="task-list">
        {TASKS.map((task) => (
          <li>
            <a href={`/applications/${a.id}/${TASK_PATH[task]}`} aria-describedby={`task-${task}-state`}>
              {t.t(`apply.task.${task}` as MessageKey)}
            </a>
            <strong class={STATE_TAG[props.states[task]]} id={`task-${task}-state`}>
              {t.t(`apply.taskState.${props.states[task]}` as MessageKey)}
            </strong>
          </li>
        ))}
        <li>
          <a href={`/applications/${a.id}/check`}>{t.t('apply.task.check')}</a>
        </li>
      </ol>
      {canApplication('delete', a.status) && (
        <p>
          <a href={`/applications/${a.id}/delete`}>{t.t('apply.delete.link')}</a>
        </p>
      )}
    </Layout>
  );
}
