import { AwardDto } from '../../modules/awards/dto/award.dto';
import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { OwnApplication } from './applicant-views';
import { nextStepKey, StatusTag } from './applicant-ui';
import { ReturnNotice } from './return-notice';

interface Task {
  href: string;
  text: string;
  due: Date;
}

/** The applicant's home: what is due, their applications with what happens next, their grants. */
export function DashboardPage(props: { items: OwnApplication[]; awards: AwardDto[]; now: Date }) {
  const { t, language } = usePage();
  const titleOf = (title: string) => title || t.t('apply.untitled');
  const tasks: Task[] = [
    ...props.items
      .filter(({ openReturn }) => openReturn && openReturn.answerBy > props.now)
      .map(({ application, openReturn }) => ({
        href: `/applications/${application.id}`,
        text: t.t('applyReturns.dashboard.task', {
          title: titleOf(application.title),
          date: t.dateTime(openReturn!.answerBy),
        }),
        due: openReturn!.answerBy,
      })),
    ...props.items
      .filter(({ application, competition }) => application.status === 'draft' && competition.closesAt > props.now)
      .map(({ application, competition }) => ({
        href: `/applications/${application.id}`,
        text: t.t('apply.dashboard.taskFinish', {
          title: titleOf(application.title),
          date: t.dateTime(competition.closesAt),
        }),
        due: competition.closesAt,
      })),
    ...props.awards
      .filter((award) => award.status === 'approved' && award.respondBy)
      .map((award) => ({
        href: `/awards/${award.id}`,
        text: t.t('apply.dashboard.taskOffer', {
          title: titleOf(award.applicationTitle),
          date: t.dateTime(award.respondBy as string),
        }),
        due: new Date(award.respondBy as string),
      })),
  ].sort((a, b) => a.due.getTime() - b.due.getTime());

  return (
    <Layout title={t.t('apply.dashboard.title')}>
      <h1>{t.t('apply.dashboard.title')}</h1>
      <h2>{t.t('apply.dashboard.tasks')}</h2>
      {tasks.length === 0 ? (
        <p>{t.t('apply.dashboard.noTasks')}</p>
      ) : (
        <ul>
          {tasks.map((task) => (
            <li>
              <a href={task.href}>{task.text}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t.t('apply.dashboard.applications')}</h2>
      {props.items.length === 0 ? (
        <p>{t.t('apply.dashboard.none')}</p>
      ) : (
        <ul class="card-list">
          {props.items.map(({ application, competition, openReturn }) => (
            <li class={openReturn ? 'card card-returned' : 'card'}>
              <h3>
                <a href={`/applications/${application.id}`}>{titleOf(application.title)}</a>
              </h3>
              {application.assisted && <p class="tag">{t.t('managerIntake.dashboard.assisted')}</p>}
              <dl class="summary-list">
                <dt>{t.t('apply.field.competition')}</dt>
                <dd>{contentText(competition.title, language)}</dd>
                {application.reference && (
                  <>
                    <dt>{t.t('apply.field.reference')}</dt>
                    <dd>{application.reference}</dd>
                  </>
                )}
                <dt>{t.t('apply.field.status')}</dt>
                <dd>
                  <StatusTag status={application.status} />
                </dd>
                <dt>{t.t('apply.field.next')}</dt>
                <dd>{t.t(nextStepKey(application.status))}</dd>
              </dl>
              {openReturn && (
                <ReturnNotice
                  applicationId={application.id}
                  reference={application.reference}
                  open={openReturn}
                  now={props.now}
                  headingLevel={4}
                  checkLink
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">{t.t('apply.dashboard.findCompetition')}</a>
      </p>
      {props.awards.length > 0 && (
        <>
          <h2>{t.t('apply.dashboard.awards')}</h2>
          <ul class="card-list">
            {props.awards.map((award) => (
              <li class="card">
                <h3>
                  <a href={`/awards/${award.id}`}>{titleOf(award.applicationTitle)}</a>
                </h3>
                <p>
                  {award.reference} · {t.money(award.amount)} ·{' '}
                  <strong class="tag">{t.t(`apply.award.${award.status}` as MessageKey)}</strong>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
