import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { OversightHome } from './observer-views';

/** The oversight home: the audit log's entry point, then each competition with its rounds. */
export function OversightHomePage(props: { view: OversightHome }) {
  const { t, language } = usePage();
  const title = t.t('observer.home.title');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">{t.t('observer.home.lead')}</p>
      <ul>
        <li>
          <a href="/oversight/audit">{t.t('observer.audit.title')}</a>
        </li>
        <li>
          <a href="/oversight/audit/verify">{t.t('observer.verify.title')}</a>
        </li>
      </ul>
      <h2>{t.t('observer.home.competitions')}</h2>
      {props.view.competitions.length === 0 && <p>{t.t('observer.home.none')}</p>}
      {props.view.competitions.map(({ competition, rounds }) => (
        <section class="oversight-competition">
          <h3>
            {contentText(competition.title, language)} ({competition.code})
          </h3>
          {rounds.length === 0 ? (
            <p>{t.t('observer.home.noRounds')}</p>
          ) : (
            <ul>
              {rounds.map((round) => (
                <li>
                  {round.status === 'closed' || round.status === 'finalized' ? (
                    <a href={`/oversight/rounds/${round.id}`}>{round.name}</a>
                  ) : (
                    round.name
                  )}{' '}
                  ({t.t(`observer.roundStatus.${round.status}`)})
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Layout>
  );
}
