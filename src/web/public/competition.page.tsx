import { contentText, ContentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { Deadline } from './competition-cards';
import { AllocationSection, RoundSection } from './competition-rounds';
import { CompetitionView, EligibleVillage } from './public-views';
import { competitionStatusText, percent } from './words';
import { TableScroll } from '../ui/table-scroll';

/** Staff text with blank lines between paragraphs, as paragraphs. */
export function Paragraphs(props: { text: ContentText }) {
  const { language } = usePage();
  const paragraphs = contentText(props.text, language)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

/**
 * One competition as the public reads it: the rules in plain words, the villages that may apply
 * with their plan goals, how applications are scored, and once decided the results and the money.
 */
export function CompetitionPage(props: { competition: CompetitionView; now: Date }) {
  const { t, language } = usePage();
  const c = props.competition;
  const title = contentText(c.title, language);
  const accepting = c.status === 'open' && c.opensAt <= props.now && props.now < c.closesAt;
  return (
    <Layout title={title}>
      <nav class="breadcrumbs" aria-label={t.t('public.breadcrumbs')}>
        <a href="/">{t.t('common.nav.home')}</a>
      </nav>
      <h1>{title}</h1>
      <p>
        <span class={c.status === 'open' ? 'tag ok' : 'tag'}>{competitionStatusText(t, c.status)}</span>
      </p>
      <Paragraphs text={c.description} />

      <h2>{t.t('public.competition.facts')}</h2>
      <dl class="summary-list">
        <dt>{t.t('public.competition.opens')}</dt>
        <dd>
          <time dateTime={c.opensAt.toISOString()}>{t.dateTime(c.opensAt)}</time>
        </dd>
        <dt>{t.t('public.competition.closes')}</dt>
        <dd>
          {c.status === 'open' ? (
            <Deadline closesAt={c.closesAt} now={props.now} />
          ) : (
            <time dateTime={c.closesAt.toISOString()}>{t.dateTime(c.closesAt)}</time>
          )}
        </dd>
        <dt>{t.t('public.competition.budget')}</dt>
        <dd>{t.money(c.budget)}</dd>
        <dt>{t.t('public.competition.awardLimits')}</dt>
        <dd>{t.t('public.competition.awardLimitsText', { min: t.money(c.minAward), max: t.money(c.maxAward) })}</dd>
        <dt>{t.t('public.competition.ownShare')}</dt>
        <dd>
          {c.minOwnShareBp > 0
            ? t.t('public.competition.ownShareText', { share: percent(t, c.minOwnShareBp) })
            : t.t('public.competition.ownShareNone')}
        </dd>
        <dt>{t.t('public.competition.perPerson')}</dt>
        <dd>{t.t('public.competition.perPersonText', { count: c.maxApplicationsPerApplicant })}</dd>
        {c.partialMinShareBp !== null && (
          <>
            <dt>{t.t('public.competition.partial')}</dt>
            <dd>{t.t('public.competition.partialText', { share: percent(t, c.partialMinShareBp) })}</dd>
          </>
        )}
      </dl>

      <h2>{t.t('public.competition.whoMayApply')}</h2>
      <p>{t.t('public.competition.whoMayApplyText', { count: c.villages.length })}</p>

      <h2>{t.t('public.competition.howToApply')}</h2>
      {accepting ? (
        <>
          <p>{t.t('public.competition.howToApplyText')}</p>
          <p>
            <a class="button" href={`/applications/new?competition=${c.id}`}>
              {t.t('public.competition.apply')}
            </a>
          </p>
        </>
      ) : (
        <p>
          {c.status === 'open' && props.now < c.opensAt
            ? t.t('public.competition.notYetOpen', { date: t.dateTime(c.opensAt) })
            : t.t('public.competition.notAccepting')}
        </p>
      )}

      {c.tranches.length > 0 && (
        <>
          <h2>{t.t('public.competition.payment')}</h2>
          <TableScroll label={t.t('public.competition.payment')}>
            <table>
              <caption class="visually-hidden">{t.t('public.competition.payment')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('public.competition.tranche')}</th>
                  <th scope="col" class="num">
                    {t.t('public.competition.trancheShare')}
                  </th>
                  <th scope="col">{t.t('public.competition.trancheCondition')}</th>
                </tr>
              </thead>
              <tbody>
                {c.tranches.map((tranche) => (
                  <tr>
                    <td>{contentText(tranche.label, language)}</td>
                    <td class="num">{percent(t, tranche.shareBp)}</td>
                    <td>
                      {tranche.reportRequired
                        ? t.t('public.competition.trancheReport')
                        : t.t('public.competition.trancheNoReport')}
                      {tranche.dueDays !== null &&
                        ` ${t.t('public.competition.trancheDue', { count: tranche.dueDays })}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      <h2 id="villages">{t.t('public.competition.villages')}</h2>
      {c.villages.length === 0 ? (
        <p>{t.t('public.competition.noVillages')}</p>
      ) : (
        c.villages.map((village) => <VillageGoals village={village} />)
      )}

      <h2 id="scoring">{t.t('public.competition.scoring')}</h2>
      {c.rounds.length === 0 ? (
        <p>{t.t('public.competition.noRounds')}</p>
      ) : (
        c.rounds.map((round) => <RoundSection round={round} />)
      )}

      {c.allocation && <AllocationSection allocation={c.allocation} competitionId={c.id} />}
    </Layout>
  );
}

/** One eligible village: where it is, and the goals of its adopted plan an application may serve. */
function VillageGoals(props: { village: EligibleVillage }) {
  const { t, language } = usePage();
  const v = props.village;
  return (
    <section class="card" aria-labelledby={`village-${v.id}`}>
      <h3 id={`village-${v.id}`}>
        <a href={`/villages/${v.id}`}>{contentText(v.name, language)}</a>
      </h3>
      <p class="muted">
        {contentText(v.district, language)}, {contentText(v.region, language)}
      </p>
      {v.plan ? (
        <>
          <p>
            {t.t('public.plan.heading', {
              title: contentText(v.plan.title, language),
              from: String(v.plan.periodStart),
              to: String(v.plan.periodEnd),
            })}
          </p>
          <GoalList goals={v.plan.goals} />
        </>
      ) : (
        <p>{t.t('public.plan.none')}</p>
      )}
    </section>
  );
}

export function GoalList(props: { goals: { code: string; title: ContentText; description: ContentText }[] }) {
  const { language } = usePage();
  return (
    <ul class="goal-list">
      {props.goals.map((goal) => (
        <li>
          <strong>
            <span class="tag">{goal.code}</span> {contentText(goal.title, language)}
          </strong>
          {contentText(goal.description, language) && <p>{contentText(goal.description, language)}</p>}
        </li>
      ))}
    </ul>
  );
}
