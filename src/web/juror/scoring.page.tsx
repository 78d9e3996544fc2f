import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { ErrorSummary, FieldError } from '../ui/form';
import { Layout } from '../ui/layout';
import { AssignmentPageView } from './juror-views';
import { JurorNotice, Notice } from './juror-ui';
import { RubricForm, RubricReadOnly } from './rubric';
import { commentField, firstLevelId, ScoreForm, ScoreProblem } from './scoresheet-form';
import { Snapshot } from './snapshot';

/**
 * The scoring page: the blind snapshot beside the rubric on a wide screen, one above the other on
 * a phone. While the round is open the rubric is a form; once it closes it is read only.
 */
export function ScoringPage(props: {
  page: AssignmentPageView;
  form: ScoreForm;
  problems: ScoreProblem[];
  notice?: JurorNotice;
}) {
  const { t, language } = usePage();
  const { view } = props.page;
  const criteria = view.round.criteria;
  const errors: FieldError[] = props.problems.map((p) => {
    const criterion = criteria.find((c) => c.code === p.code);
    const params = { criterion: contentText(criterion?.title, language), max: criterion?.max ?? 0 };
    if (p.kind === 'comment') return { field: commentField(p.code), message: 'juror.score.error.comment', params };
    const message = p.kind === 'missing' ? 'juror.score.error.missing' : 'juror.score.error.scale';
    return { field: firstLevelId(p.code), message, params };
  });
  const sheet = view.scoresheet;
  const title = view.application.title || t.t('juror.untitled');
  return (
    <Layout title={title}>
      <nav class="breadcrumbs" aria-label={t.t('juror.breadcrumbs')}>
        <a href="/reviews">{t.t('juror.dashboard.title')}</a>
        {' › '}
        <a href={`/reviews/rounds/${view.round.id}`}>{view.round.name}</a>
      </nav>
      <ErrorSummary errors={errors} />
      <Notice notice={props.notice} />
      <h1>{t.t('juror.score.title')}</h1>
      {sheet?.status === 'submitted' && sheet.submittedAt && (
        <p class="notice">
          {t.t(view.editable ? 'juror.score.submittedOpen' : 'juror.score.submittedOn', {
            date: t.dateTime(sheet.submittedAt),
          })}
        </p>
      )}
      {sheet?.status === 'draft' && view.editable && (
        <p class="hint">{t.t('juror.score.draftOn', { date: t.dateTime(sheet.updatedAt) })}</p>
      )}
      {!view.editable && <p class="notice">{t.t('juror.score.readOnly')}</p>}
      <div class="scoring">
        <Snapshot view={view} />
        <section class="rubric" aria-labelledby="rubric-title">
          <h2 id="rubric-title">{t.t('juror.score.rubric')}</h2>
          {view.editable ? (
            <RubricForm
              assignmentId={view.id}
              criteria={criteria}
              form={props.form}
              problems={props.problems}
              submitted={sheet?.status === 'submitted'}
            />
          ) : (
            <RubricReadOnly criteria={criteria} form={props.form} />
          )}
          {view.editable && (
            <p>
              <a href={`/reviews/assignments/${view.id}/recuse`}>{t.t('juror.score.recuse')}</a>
            </p>
          )}
        </section>
      </div>
    </Layout>
  );
}

/** What an autosave answers: one line for the form's status area. */
export function AutosaveLine(props: { savedAt: Date | null }) {
  const { t, language } = usePage();
  // data-not-saved keeps the warning before leaving the page (enhance.js).
  if (!props.savedAt) return <span data-not-saved="">{t.t('juror.score.autosave.failed')}</span>;
  const time = new Intl.DateTimeFormat(t.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Almaty',
  }).format(props.savedAt);
  return <span lang={language}>{t.t('juror.score.autosave.saved', { time })}</span>;
}
