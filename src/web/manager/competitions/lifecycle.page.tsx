import { errorMessage } from '../../../common/i18n/error-message';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { CompetitionStatus } from '../../../modules/competitions/domain/competition-status';
import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError } from '../../ui/form';
import { Layout } from '../../ui/layout';

export type LifecycleAction = 'open' | 'close';

export interface LifecyclePageProps {
  action: LifecycleAction;
  competition: {
    id: string;
    code: string;
    title: LocalizedText;
    status: CompetitionStatus;
    opensAt: Date;
    closesAt: Date;
  };
  /** The confirmation left unticked. */
  errors: FieldError[];
  /** The rule check's problems, each on a field of the setup form. */
  problems: FieldError[];
  /** Any other refusal (the status changed meanwhile), by its error code. */
  refusal: { code: string; details?: Record<string, unknown> } | null;
}

const ALLOWED_FROM: Record<LifecycleAction, CompetitionStatus> = { open: 'draft', close: 'open' };

/**
 * Opening or closing a competition, confirmed first. A refused opening lists every problem the
 * rule check found, in words, each linked to its field of the setup form.
 */
export function LifecyclePage(props: LifecyclePageProps) {
  const { t, language } = usePage();
  const { competition: c, action } = props;
  const base = `/manage/competitions/${c.id}`;
  const title = t.t(`managerCompetitions.${action}.title`);
  const status = t.t(`managerHome.competitionStatus.${c.status}` as MessageKey);
  const confirmError = props.errors.find((e) => e.field === 'confirm');
  const allowed = c.status === ALLOWED_FROM[action];
  return (
    <Layout title={title}>
      <div class="manager-page">
        <p class="back-link">
          <a href={base}>{t.t('managerCompetitions.back.overview')}</a>
        </p>
        <ErrorSummary errors={props.errors} />
        {props.problems.length > 0 && (
          <div class="error-summary" role="alert" tabIndex={-1} autofocus aria-labelledby="refused-title">
            <h2 id="refused-title">{t.t('managerCompetitions.open.refused')}</h2>
            <ul>
              {props.problems.map((p) => (
                <li>
                  <a href={`${base}/edit#${p.field}`}>{t.t(p.message, p.params)}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {props.refusal && (
          <div class="error-summary" role="alert" tabIndex={-1} autofocus>
            <p>{errorMessage(props.refusal.code, language, props.refusal.details)}</p>
          </div>
        )}
        <span class="hint">
          {c.code} · {contentText(c.title, language)}
        </span>
        <h1>{title}</h1>
        {!allowed ? (
          <p>
            {t.t(action === 'open' ? 'managerCompetitions.open.notDraft' : 'managerCompetitions.close.notOpen', {
              status,
            })}
          </p>
        ) : (
          <>
            <p>
              {action === 'open'
                ? t.t('managerCompetitions.open.what', { opens: t.dateTime(c.opensAt), closes: t.dateTime(c.closesAt) })
                : t.t('managerCompetitions.close.what', { closes: t.dateTime(c.closesAt) })}
            </p>
            <form method="post" action={`${base}/${action}`} class="round-action">
              <CsrfField />
              <div class={confirmError ? 'choice has-error' : 'choice'}>
                <input
                  type="checkbox"
                  id="confirm"
                  name="confirm"
                  value="yes"
                  aria-invalid={confirmError ? 'true' : undefined}
                />
                <label for="confirm">{t.t(`managerCompetitions.${action}.confirm`)}</label>
              </div>
              {confirmError && <p class="field-error">{t.t(confirmError.message)}</p>}
              <button class={action === 'close' ? 'button warning' : 'button'} type="submit">
                {title}
              </button>
            </form>
          </>
        )}
        <p>
          <a href={`${base}/edit`}>
            {c.status === 'draft' ? t.t('managerCompetitions.setup.edit') : t.t('managerCompetitions.setup.view')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
