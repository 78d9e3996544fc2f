import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { GrantView } from './public-views';
import { grantStatusText, sectorText } from './words';
import { TableScroll } from '../ui/table-scroll';

/** Whole percent paid of a grant, rounded down (so 100 % means every tiyn went out). */
export function paidPercent(grant: Pick<GrantView, 'awarded' | 'disbursed'>): number {
  if (grant.awarded <= 0n) return 0;
  return Number((grant.disbursed * 100n) / grant.awarded);
}

/**
 * Grants as a table: who (a pseudonym, never a name), what, where, which plan goals, and how far it
 * has got: its status and how much of it has been paid out.
 */
export function GrantTable(props: { grants: GrantView[]; caption: string; showPlace: boolean }) {
  const { t, language } = usePage();
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('public.grant.grant')}</th>
            {props.showPlace && <th scope="col">{t.t('public.grant.village')}</th>}
            <th scope="col">{t.t('public.grant.goals')}</th>
            <th scope="col">{t.t('public.grant.status')}</th>
            <th scope="col" class="num">
              {t.t('public.grant.awarded')}
            </th>
            <th scope="col" class="num">
              {t.t('public.grant.paid')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.grants.map((grant) => (
            <tr>
              <td>
                {sectorText(t, grant.sector)}
                <br />
                <span class="muted">
                  {grant.recipient} ·{' '}
                  <a href={`/competitions/${grant.competition.id}`}>{contentText(grant.competition.title, language)}</a>
                </span>
              </td>
              {props.showPlace && (
                <td>
                  <a href={`/villages/${grant.village.id}`}>{contentText(grant.village.name, language)}</a>
                  <br />
                  <span class="muted">{contentText(grant.district, language)}</span>
                </td>
              )}
              <td>
                {grant.goals.map((goal) => (
                  <span class="goal">
                    <span class="tag">{goal.code}</span> {contentText(goal.title, language)}
                  </span>
                ))}
              </td>
              <td>
                {grantStatusText(t, grant.status)}
                <br />
                <span class="muted">
                  {t.t('public.grant.tranchesPaid', { paid: grant.tranchesPaid, total: grant.tranches })}
                  <br />
                  {t.t('public.grant.reports', { reports: grant.reportsApproved })}
                  {grant.jobsCreated !== null && (
                    <>
                      <br />
                      {t.t('public.grant.jobs', { jobs: grant.jobsCreated })}
                    </>
                  )}
                </span>
              </td>
              <td class="num">{t.money(grant.awarded)}</td>
              <td class="num">
                {t.money(grant.disbursed)}
                <br />
                <span class="muted">{t.t('public.grant.paidShare', { value: paidPercent(grant) })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
