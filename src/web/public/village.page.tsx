import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { CompetitionCards } from './competition-cards';
import { GoalList } from './competition.page';
import { GrantTable } from './grant-table';
import { VillageView } from './public-views';

/** A village: its adopted development plan, the grants awarded there and how far each has got. */
export function VillagePage(props: { village: VillageView; now: Date }) {
  const { t, language } = usePage();
  const v = props.village;
  const name = contentText(v.name, language);
  return (
    <Layout title={name}>
      <nav class="breadcrumbs" aria-label={t.t('public.breadcrumbs')}>
        <a href="/">{t.t('common.nav.home')}</a> › <a href="/open-data">{t.t('common.nav.openData')}</a>
      </nav>
      <h1>{name}</h1>
      <p class="lead">
        {contentText(v.district, language)}, {contentText(v.region, language)}
      </p>

      <h2>{t.t('public.village.plan')}</h2>
      {v.plan ? (
        <>
          <p>
            {t.t('public.plan.heading', {
              title: contentText(v.plan.title, language),
              from: String(v.plan.periodStart),
              to: String(v.plan.periodEnd),
            })}
            {v.plan.adoptedAt && ` · ${t.t('public.plan.adoptedOn', { date: t.date(v.plan.adoptedAt) })}`}
          </p>
          <GoalList goals={v.plan.goals} />
        </>
      ) : (
        <p>{t.t('public.plan.none')}</p>
      )}

      <h2>{t.t('public.village.grants')}</h2>
      {v.grants.length === 0 ? (
        <p>{t.t('public.village.noGrants')}</p>
      ) : (
        <>
          <p>{t.t('public.village.grantsLead', { count: v.grantsTotal })}</p>
          <GrantTable grants={v.grants} caption={t.t('public.village.grants')} showPlace={false} />
          {v.grantsTotal > v.grants.length && (
            <p>
              <a href={`/open-data?village=${v.id}`}>{t.t('public.village.allGrants')}</a>
            </p>
          )}
        </>
      )}

      <h2>{t.t('public.village.open')}</h2>
      {v.competitions.length === 0 ? (
        <p>{t.t('public.finder.none')}</p>
      ) : (
        <CompetitionCards competitions={v.competitions} now={props.now} />
      )}
    </Layout>
  );
}
