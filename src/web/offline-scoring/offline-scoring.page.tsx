import type { OfflineProblem } from '../../modules/reviews/domain/offline/offline-parse';
import type { LocalizedText } from '../../common/i18n/localized-text';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { ErrorSummary, FieldError } from '../ui/form';
import { Layout } from '../ui/layout';

/** The round as the page tells it (OfflineScoringService.overview). */
export interface OfflineRound {
  roundId: string;
  roundName: string;
  deadline: Date;
  open: boolean;
  assignments: number;
  submitted: number;
  criteria: { code: string; title: LocalizedText }[];
}

export interface OfflineScoringProps {
  round: OfflineRound;
  /** The upload's problems, each with its line: nothing was stored. */
  problems: OfflineProblem[];
  /** A refused upload (no file, too large), linked to the file field. */
  errors: FieldError[];
  done?: { saved: number; submitted: number };
}

/** Download the round's form, fill it in offline, upload it: three steps on one page. */
export function OfflineScoringPage(props: OfflineScoringProps) {
  const { t, csrfToken } = usePage();
  const { round } = props;
  const base = `/reviews/rounds/${round.roundId}/offline`;
  const criterion = (code: string) =>
    contentText(round.criteria.find((c) => c.code === code)?.title, t.language) || code;
  return (
    <Layout title={t.t('offlineScoring.title')}>
      <p>
        <a href={`/reviews/rounds/${round.roundId}`}>{t.t('offlineScoring.back')}</a>
      </p>
      <ErrorSummary errors={props.errors} />
      {props.problems.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} autofocus aria-labelledby="offline-problems-title">
          <h2 id="offline-problems-title">{t.t('offlineScoring.problems')}</h2>
          <ul class="offline-problems">
            {props.problems.map((p) => (
              <li>
                <strong>
                  {p.criterion
                    ? t.t('offlineScoring.atCriterion', { line: p.line, criterion: criterion(p.criterion) })
                    : t.t('offlineScoring.at', { line: p.line })}
                </strong>
                {': '}
                {t.t(`offlineScoring.problem.${p.problem}`, { max: p.max ?? 0 })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.done && (
        <p class="notice success" role="status">
          {t.t('offlineScoring.done', props.done)}
        </p>
      )}
      <span class="hint">{round.roundName}</span>
      <h1>{t.t('offlineScoring.title')}</h1>
      <p>{t.t('offlineScoring.lead')}</p>
      <p>
        {t.t('offlineScoring.progress', {
          assignments: round.assignments,
          submitted: round.submitted,
          deadline: t.dateTime(round.deadline),
        })}
      </p>
      <h2>{t.t('offlineScoring.step1')}</h2>
      <p class="hint">{t.t('offlineScoring.step1.hint')}</p>
      <p>
        <a class="button secondary" href={`${base}/form.txt`} download>
          {t.t('offlineScoring.download')}
        </a>
      </p>
      <h2>{t.t('offlineScoring.step2')}</h2>
      <p class="hint">{t.t('offlineScoring.step2.hint')}</p>
      <h2>{t.t('offlineScoring.step3')}</h2>
      {round.open ? (
        <form method="post" action={`${base}?_csrf=${encodeURIComponent(csrfToken)}`} enctype="multipart/form-data">
          <p class="hint" id="file-hint">
            {t.t('offlineScoring.step3.hint')}
          </p>
          <div class="field">
            <label for="file">{t.t('offlineScoring.file')}</label>
            <input id="file" name="file" type="file" accept=".txt,text/plain" aria-describedby="file-hint" />
          </div>
          <button class="button" type="submit">
            {t.t('offlineScoring.upload')}
          </button>
        </form>
      ) : (
        <p class="notice">{t.t('offlineScoring.closed')}</p>
      )}
    </Layout>
  );
}
