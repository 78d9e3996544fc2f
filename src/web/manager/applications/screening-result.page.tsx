import { errorMessage, hasErrorMessage } from '../../../common/i18n/error-message';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Layout } from '../../ui/layout';
import { TableScroll } from '../../ui/table-scroll';
import { ApplicationStatusTag } from '../home/manager-labels';
import { ScreeningOutcome, TableRow } from './manager-applications-views';

export interface ScreeningResultProps {
  competition: Competition;
  /** Null when the outcome is no longer kept (an hour passed) or is another manager's. */
  outcomes: ScreeningOutcome[] | null;
  rows: TableRow[];
  /** Where "back to the table" goes: the table with the filters the screening was sent from. */
  back: string;
}

/** What a bulk screening did to each application: its new status, or why it was refused. */
export function ScreeningResultPage(props: ScreeningResultProps) {
  const { t, language } = usePage();
  const outcomes = props.outcomes ?? [];
  const byId = new Map(props.rows.map((r) => [r.application.id, r]));
  const done = outcomes.filter((o) => 'status' in o).length;
  const failed = outcomes.length - done;
  return (
    <Layout title={t.t('managerApplications.result.title')}>
      <div class="manager-page">
        <p class="breadcrumbs">
          <a href="/manage">{t.t('managerHome.title')}</a> ›{' '}
          <a href={`/manage/competitions/${props.competition.id}`}>{contentText(props.competition.title, language)}</a>
        </p>
        <h1>{t.t('managerApplications.result.title')}</h1>
        {props.outcomes === null ? (
          <p>{t.t('managerApplications.result.gone')}</p>
        ) : (
          <>
            <p class={failed ? 'notice' : 'notice success'} role="status">
              {t.t('managerApplications.result.done', { count: done })}{' '}
              {failed > 0 && t.t('managerApplications.result.failed', { count: failed })}
            </p>
            <TableScroll label={t.t('managerApplications.result.title')}>
              <table class="manager-table">
                <thead>
                  <tr>
                    <th scope="col">{t.t('managerApplications.col.reference')}</th>
                    <th scope="col">{t.t('managerApplications.col.title')}</th>
                    <th scope="col">{t.t('managerApplications.result.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcomes.map((outcome) => {
                    const row = byId.get(outcome.applicationId);
                    return (
                      <tr class={'error' in outcome ? 'outcome-failed' : 'outcome-done'}>
                        <td>
                          <a href={`/manage/applications/${outcome.applicationId}`}>
                            {row?.application.reference ?? outcome.applicationId}
                          </a>
                        </td>
                        <td>{row?.application.title}</td>
                        <td>
                          {'error' in outcome ? (
                            <>
                              <strong class="tag bad">{t.t('managerApplications.result.refused')}</strong>{' '}
                              {hasErrorMessage(outcome.error) ? errorMessage(outcome.error, language) : outcome.error}
                              {row && (
                                <span class="hint">
                                  {t.t('managerApplications.result.statusNow')}{' '}
                                  <ApplicationStatusTag status={row.application.status} />
                                </span>
                              )}
                            </>
                          ) : (
                            <ApplicationStatusTag status={outcome.status} />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
        <p>
          <a class="button secondary" href={props.back}>
            {t.t('managerApplications.result.back')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
