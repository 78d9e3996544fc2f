import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { CompetitionCards } from './competition-cards';
import { CompetitionSummary, VillageFinder as Finder } from './public-views';
import { VillageFinder } from './village-finder';

export { Deadline } from './competition-cards';
export type HomeCompetition = CompetitionSummary;

/** The front door: what is open now, with deadlines in words, and what a village may apply to. */
export function HomePage(props: { competitions: CompetitionSummary[]; finder: Finder; now: Date }) {
  const { t } = usePage();
  return (
    <Layout title={t.t('public.home.title')}>
      <h1>{t.t('public.home.title')}</h1>
      <p class="lead">{t.t('public.home.lead')}</p>
      <VillageFinder finder={props.finder} now={props.now} />
      <h2>{t.t('public.home.open')}</h2>
      {props.competitions.length === 0 ? (
        <p>{t.t('public.home.none')}</p>
      ) : (
        <CompetitionCards competitions={props.competitions} now={props.now} />
      )}
      <p>
        <a href="/open-data">{t.t('public.home.openDataLink')}</a>
      </p>
    </Layout>
  );
}
