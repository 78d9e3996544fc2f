import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { TableScroll } from '../../ui/table-scroll';
import { RoundListItem } from './rounds-types';
import { RoundsFrame, RoundStatusTag } from './rounds-ui';

/** A competition's rounds with their status and progress, and the way to a new one. */
export function RoundsPage(props: { competition: Competition; rounds: RoundListItem[] }) {
  const { t, language } = usePage();
  const c = props.competition;
  const title = t.t('managerRounds.list.title', { competition: contentText(c.title, language) });
  return (
    <RoundsFrame title={title} back={{ href: '/manage', label: t.t('managerRounds.back.manage') }}>
      <p class="actions">
        <a class="button" href={`/manage/competitions/${c.id}/rounds/new`}>
          {t.t('managerRounds.list.new')}
        </a>
        <a class="button secondary" href={`/manage/competitions/${c.id}/jurors`}>
          {t.t('managerRounds.list.panel')}
        </a>
      </p>
      {props.rounds.length === 0 ? (
        <p>{t.t('managerRounds.list.none')}</p>
      ) : (
        <TableScroll label={t.t('managerRounds.list.caption')}>
          <table>
            <caption class="visually-hidden">{t.t('managerRounds.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('managerRounds.list.round')}</th>
                <th scope="col">{t.t('managerRounds.list.status')}</th>
                <th scope="col">{t.t('managerRounds.list.deadline')}</th>
                <th scope="col">{t.t('managerRounds.list.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rounds.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/manage/rounds/${r.id}`}>
                      {r.position}. {r.name}
                    </a>
                  </th>
                  <td>
                    <RoundStatusTag status={r.status} />
                    {r.finalizing && ` ${t.t('managerRounds.round.finalizing')}`}
                  </td>
                  <td>
                    <time dateTime={r.deadline.toISOString()}>{t.date(r.deadline)}</time>
                  </td>
                  <td>
                    {r.status === 'draft'
                      ? t.t('managerRounds.list.criteria', { count: r.criteria })
                      : t.t('managerRounds.list.scored', { submitted: r.submitted, count: r.assigned })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </RoundsFrame>
  );
}
