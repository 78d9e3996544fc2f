import { TaskItem, TasksPanel } from '../ui/tasks-panel';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { PanelView, RoundOverview } from './juror-views';
import { Deadline, JurorNotice, Notice } from './juror-ui';

/** One round: deadline, progress, and the next thing to do with a link to it. */
function RoundCard(props: { round: RoundOverview; now: Date }) {
  const { t } = usePage();
  const r = props.round;
  const open = r.status === 'open';
  const unfinished = r.assigned - r.submitted;
  const link = `/reviews/rounds/${r.roundId}`;
  return (
    <li class="card">
      <h3>
        <a href={link}>{r.name}</a>
      </h3>
      <dl class="summary-list">
        <dt>{t.t('juror.round.deadline')}</dt>
        <dd>
          <Deadline deadline={new Date(r.deadline)} now={props.now} open={open} />
        </dd>
        <dt>{t.t('juror.round.progress')}</dt>
        <dd>
          {t.t('juror.round.scored', { scored: r.submitted, count: r.assigned })}
          {r.drafts > 0 && <> · {t.t('juror.round.drafts', { count: r.drafts })}</>}
          {r.recused > 0 && <> · {t.t('juror.round.recused', { count: r.recused })}</>}
        </dd>
      </dl>
      <p>
        <strong>{t.t('juror.next')}: </strong>
        {!open ? (
          <a href={link}>{t.t('juror.next.readOnly')}</a>
        ) : unfinished > 0 ? (
          <a class="button" href={`${link}?status=${r.drafts > 0 ? 'draft' : 'not_started'}`}>
            {t.t('juror.next.score', { count: unfinished })}
          </a>
        ) : (
          <span>{t.t('juror.next.allSubmitted')}</span>
        )}
      </p>
    </li>
  );
}

/** The juror's start page: each competition whose panel they sit on, its rounds and what to do next. */
export function JurorDashboardPage(props: { panels: PanelView[]; tasks: TaskItem[]; now: Date; notice?: JurorNotice }) {
  const { t, language } = usePage();
  return (
    <Layout title={t.t('juror.dashboard.title')}>
      <Notice notice={props.notice} />
      <h1>{t.t('juror.dashboard.title')}</h1>
      <TasksPanel tasks={props.tasks} />
      {props.panels.length === 0 && <p>{t.t('juror.dashboard.none')}</p>}
      {props.panels.map((panel) => {
        const conflicts = `/reviews/competitions/${panel.competitionId}/conflicts`;
        return (
          <section class="juror-panel" aria-labelledby={`panel-${panel.competitionId}`}>
            <h2 id={`panel-${panel.competitionId}`}>{contentText(panel.title, language)}</h2>
            {panel.confirmedAt ? (
              <p>
                {t.t('juror.panel.confirmedOn', { date: t.date(panel.confirmedAt) })}{' '}
                <a href={conflicts}>{t.t('juror.panel.conflicts')}</a>
              </p>
            ) : (
              <>
                <p>{t.t('juror.panel.confirmFirst')}</p>
                <p>
                  <strong>{t.t('juror.next')}: </strong>
                  <a class="button" href={conflicts}>
                    {t.t('juror.next.confirm')}
                  </a>
                </p>
              </>
            )}
            {panel.confirmedAt && panel.rounds.length === 0 && <p>{t.t('juror.panel.noRounds')}</p>}
            {panel.rounds.length > 0 && (
              <ul class="card-list">
                {panel.rounds.map((round) => (
                  <RoundCard round={round} now={props.now} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
