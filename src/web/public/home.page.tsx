import { daysUntil } from '../i18n/formats';
import { contentText, ContentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';

export interface HomeCompetition {
  id: string;
  title: ContentText;
  description: ContentText;
  closesAt: Date;
  minAward: bigint;
  maxAward: bigint;
}

export function Deadline(props: { closesAt: Date; now: Date }) {
  const { t } = usePage();
  const days = daysUntil(props.closesAt, props.now);
  return (
    <span>
      {days <= 0 ? t.t('public.home.closesToday') : t.t('public.home.closesIn', { count: days })}
      {' · '}
      <time dateTime={props.closesAt.toISOString()}>{t.dateTime(props.closesAt)}</time>
    </span>
  );
}

/** The front door: what is open now, with deadlines in words. */
export function HomePage(props: { competitions: HomeCompetition[]; now: Date }) {
  const { t, language } = usePage();
  return (
    <Layout title={t.t('public.home.title')}>
      <h1>{t.t('public.home.title')}</h1>
      <p class="lead">{t.t('public.home.lead')}</p>
      <h2>{t.t('public.home.open')}</h2>
      {props.competitions.length === 0 ? (
        <p>{t.t('public.home.none')}</p>
      ) : (
        <ul class="card-list">
          {props.competitions.map((competition) => (
            <li class="card">
              <h3>
                <a href={`/competitions/${competition.id}`}>{contentText(competition.title, language)}</a>
              </h3>
              <p>
                <Deadline closesAt={competition.closesAt} now={props.now} />
              </p>
              <p class="muted">
                {t.t('public.home.awardRange', {
                  min: t.money(competition.minAward),
                  max: t.money(competition.maxAward),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
