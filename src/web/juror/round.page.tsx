import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { TableScroll } from '../ui/table-scroll';
import { ITEM_STATUSES, ItemStatus } from './item-status';
import { RoundView } from './juror-views';
import { Deadline, ItemStatusTag, JurorNotice, labelOr, Notice } from './juror-ui';

/** The filter by status: a GET form, so it works without JavaScript and the address can be shared. */
function StatusFilter(props: { view: RoundView; status?: ItemStatus }) {
  const { t } = usePage();
  const count = (s: ItemStatus) => props.view.items.filter((i) => i.status === s).length;
  return (
    <form class="filters" method="get" action={`/reviews/rounds/${props.view.round.id}`}>
      <label for="status">{t.t('juror.filter.label')}</label>
      <select id="status" name="status">
        <option value="">{t.t('juror.filter.all', { count: props.view.items.length })}</option>
        {ITEM_STATUSES.map((s) => (
          <option value={s} selected={props.status === s}>
            {t.t('juror.filter.option', { label: t.t(`juror.item.${s}`), count: count(s) })}
          </option>
        ))}
      </select>
      <button class="button secondary" type="submit">
        {t.t('juror.filter.apply')}
      </button>
    </form>
  );
}

/** My assignments in a round with where each stands, filtered by status. */
export function RoundPage(props: { view: RoundView; status?: ItemStatus; now: Date; notice?: JurorNotice }) {
  const { t, language } = usePage();
  const { round, items } = props.view;
  const open = round.status === 'open';
  const shown = props.status ? items.filter((i) => i.status === props.status) : items;
  const scored = items.filter((i) => i.status === 'submitted').length;
  const active = items.filter((i) => i.status !== 'recused').length;
  return (
    <Layout title={round.name}>
      <nav class="breadcrumbs" aria-label={t.t('juror.breadcrumbs')}>
        <a href="/reviews">{t.t('juror.dashboard.title')}</a>
      </nav>
      <Notice notice={props.notice} />
      <span class="hint">{contentText(props.view.competitionTitle, language)}</span>
      <h1>{round.name}</h1>
      <dl class="summary-list">
        <dt>{t.t('juror.round.deadline')}</dt>
        <dd>
          <Deadline deadline={round.deadline} now={props.now} open={open} />
        </dd>
        <dt>{t.t('juror.round.progress')}</dt>
        <dd>{t.t('juror.round.scored', { scored, count: active })}</dd>
      </dl>
      {!open && <p class="notice">{t.t('juror.round.readOnly')}</p>}
      <StatusFilter view={props.view} status={props.status} />
      {shown.length === 0 ? (
        <p>{t.t('juror.round.empty')}</p>
      ) : (
        <TableScroll label={t.t('juror.round.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t('juror.round.application')}</th>
                <th scope="col">{t.t('juror.round.village')}</th>
                <th scope="col">{t.t('juror.round.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr>
                  <td>
                    {item.status === 'recused' ? (
                      item.title
                    ) : (
                      <a href={`/reviews/assignments/${item.id}`}>{item.title || t.t('juror.untitled')}</a>
                    )}
                    <br />
                    <span class="hint">{labelOr(t, `applySteps.sector.${item.sector}`, item.sector)}</span>
                  </td>
                  <td>{contentText(item.villageName, language)}</td>
                  <td>
                    <ItemStatusTag status={item.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {active > 0 && (
        <p>
          <a href={`/reviews/rounds/${round.id}/offline`}>{t.t('offlineScoring.link')}</a>
        </p>
      )}
      <p>
        <a href={`/reviews/competitions/${round.competitionId}/conflicts`}>{t.t('juror.round.conflicts')}</a>
      </p>
    </Layout>
  );
}
