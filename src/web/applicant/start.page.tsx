import { Competition } from '../../modules/competitions/entities/competition.entity';
import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { CsrfField } from '../ui/form';
import { Layout } from '../ui/layout';

/** Before a draft exists: which competition, until when, and one button that starts it. */
export function StartPage(props: { competition: Competition; problem?: MessageKey }) {
  const { t, language } = usePage();
  const title = contentText(props.competition.title, language);
  return (
    <Layout title={t.t('apply.start.title')}>
      {props.problem && (
        <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t.t('common.errorSummary.title')}</h2>
          <p>{t.t(props.problem)}</p>
          {props.problem === 'apply.start.error.limit' && (
            <p>
              <a href="/applications">{t.t('apply.dashboard.title')}</a>
            </p>
          )}
          {props.problem === 'apply.start.error.noHomeVillage' && (
            <p>
              <a href="/account">{t.t('common.nav.account')}</a>
            </p>
          )}
        </div>
      )}
      <h1>{t.t('apply.start.title')}</h1>
      <p class="lead">{title}</p>
      <p>{t.t('apply.start.closes', { date: t.dateTime(props.competition.closesAt) })}</p>
      <p>{t.t('apply.start.lead')}</p>
      <form method="post" action={`/applications/new?competition=${props.competition.id}`}>
        <CsrfField />
        <button class="button" type="submit">
          {t.t('apply.start.button')}
        </button>
      </form>
    </Layout>
  );
}
