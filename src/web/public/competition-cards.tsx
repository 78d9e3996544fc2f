import { contentText } from '../i18n/content';
import { daysUntil } from '../i18n/formats';
import { usePage } from '../render/page-context';
import { CompetitionSummary } from './public-views';

/** A deadline in words ("closes in 3 days") and as a date in Almaty time. */
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

/** Open competitions as cards: title linking to the competition's page, deadline, award range. */
export function CompetitionCards(props: { competitions: CompetitionSummary[]; now: Date; headingLevel?: 3 | 4 }) {
  const { t, language } = usePage();
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  return (
    <ul class="card-list">
      {props.competitions.map((competition) => (
        <li class="card">
          <Heading>
            <a href={`/competitions/${competition.id}`}>{contentText(competition.title, language)}</a>
          </Heading>
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
  );
}
