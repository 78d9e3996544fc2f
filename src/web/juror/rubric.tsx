import { RubricCriterion } from '../../modules/reviews/domain/rounds/round-method';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { CsrfField, TextArea } from '../ui/form';
import { commentField, firstLevelId, runningTotal, ScoreForm, ScoreProblem, scoreField } from './scoresheet-form';

function CriterionHeading(props: { criterion: RubricCriterion }) {
  const { t, language } = usePage();
  const c = props.criterion;
  return (
    <>
      {contentText(c.title, language)}
      <span class="hint">
        {t.t('juror.score.scale', { weight: c.weight, max: c.max })}
        {c.min !== undefined && <> · {t.t('juror.score.gate', { min: c.min })}</>}
      </span>
    </>
  );
}

/** The total so far, worked out on the server for this page; enhance.js keeps it current as radios change. */
export function RunningTotal(props: { criteria: RubricCriterion[]; scores: Record<string, string> }) {
  const { t } = usePage();
  const { total, scored, count } = runningTotal(props.criteria, props.scores);
  return (
    <p class="running-total" aria-live="polite" data-running-total="">
      <strong>{t.t('juror.score.total')}: </strong>
      <span data-total-value="">{t.number(total)}</span> {t.t('juror.score.ofHundred')}{' '}
      <span class="hint" data-scored-count="" data-template={t.t('juror.score.scored', { scored: '{scored}', count })}>
        {t.t('juror.score.scored', { scored, count })}
      </span>
    </p>
  );
}

/** One criterion: a group of radio buttons whose labels carry each level's descriptor, and a comment. */
function CriterionField(props: { criterion: RubricCriterion; form: ScoreForm; problems: ScoreProblem[] }) {
  const { t, language } = usePage();
  const c = props.criterion;
  const problem = props.problems.find((p) => p.code === c.code && p.kind !== 'comment');
  const commentProblem = props.problems.find((p) => p.code === c.code && p.kind === 'comment');
  const errorId = `${scoreField(c.code)}-error`;
  return (
    <div class={problem ? 'form-group has-error criterion-score' : 'form-group criterion-score'}>
      <fieldset
        data-criterion={c.code}
        data-weight={c.weight}
        data-max={c.max}
        aria-describedby={problem ? errorId : undefined}
      >
        <legend>
          <CriterionHeading criterion={c} />
        </legend>
        {c.description && <p class="hint">{contentText(c.description, language)}</p>}
        {problem && (
          <span class="field-error" id={errorId}>
            {t.t(problem.kind === 'missing' ? 'juror.score.error.missing' : 'juror.score.error.scale', {
              criterion: contentText(c.title, language),
              max: c.max,
            })}
          </span>
        )}
        {c.descriptors.map((descriptor, level) => {
          const id = level === 0 ? firstLevelId(c.code) : `${scoreField(c.code)}-${level}`;
          return (
            <div class="choice level">
              <input
                type="radio"
                id={id}
                name={scoreField(c.code)}
                value={String(level)}
                checked={props.form.scores[c.code] === String(level)}
              />
              <label for={id}>
                <strong class="level-number">{t.number(level)}</strong> {contentText(descriptor, language)}
              </label>
            </div>
          );
        })}
      </fieldset>
      <details class="criterion-comment" open={props.form.comments[c.code] !== '' || commentProblem !== undefined}>
        <summary>{t.t('juror.score.comment')}</summary>
        <TextArea
          name={commentField(c.code)}
          label={t.t('juror.score.commentLabel', { criterion: contentText(c.title, language) })}
          value={props.form.comments[c.code]}
          maxLength={4000}
          rows={3}
          errors={commentProblem ? [{ field: commentField(c.code), message: 'juror.score.error.comment' }] : []}
        />
      </details>
    </div>
  );
}

/**
 * The scoresheet as a form: saves as a draft (the default button, and with JavaScript after a
 * pause in changes) or submits; both post to the page's own addresses and work as plain forms.
 */
export function RubricForm(props: {
  assignmentId: string;
  criteria: RubricCriterion[];
  form: ScoreForm;
  problems: ScoreProblem[];
  submitted: boolean;
}) {
  const { t } = usePage();
  const action = `/reviews/assignments/${props.assignmentId}`;
  return (
    <form
      method="post"
      action={action}
      novalidate
      data-warn-unsaved=""
      data-rubric=""
      hx-post={props.submitted ? undefined : action}
      hx-trigger={props.submitted ? undefined : 'input changed delay:2s'}
      hx-target="#autosave-status"
      hx-swap="innerHTML"
    >
      <CsrfField />
      {props.criteria.map((c) => (
        <CriterionField criterion={c} form={props.form} problems={props.problems} />
      ))}
      <TextArea
        name="comment"
        label={t.t('juror.score.overall')}
        value={props.form.comment}
        maxLength={10000}
        rows={5}
      />
      <RunningTotal criteria={props.criteria} scores={props.form.scores} />
      {props.submitted ? (
        <button class="button" type="submit" formaction={`${action}/submit`}>
          {t.t('juror.score.update')}
        </button>
      ) : (
        <>
          <button class="button secondary" type="submit">
            {t.t('juror.score.save')}
          </button>
          <button class="button" type="submit" formaction={`${action}/submit`}>
            {t.t('juror.score.submit')}
          </button>
        </>
      )}
      <p id="autosave-status" class="hint" role="status" aria-live="polite"></p>
    </form>
  );
}

/** The scoresheet once the round has closed: what was chosen, with its descriptor, and the comments. */
export function RubricReadOnly(props: { criteria: RubricCriterion[]; form: ScoreForm }) {
  const { t, language } = usePage();
  return (
    <div class="rubric-read">
      {props.criteria.map((c) => {
        const chosen = props.form.scores[c.code];
        const level = chosen === '' ? null : Number(chosen);
        return (
          <section class="criterion-score" aria-labelledby={`criterion-${c.code}`}>
            <h3 id={`criterion-${c.code}`}>
              <CriterionHeading criterion={c} />
            </h3>
            <p>
              {level === null ? (
                t.t('juror.score.notScored')
              ) : (
                <>
                  <strong class="level-number">{t.number(level)}</strong> {contentText(c.descriptors[level], language)}
                </>
              )}
            </p>
            {props.form.comments[c.code] && <p class="prose">{props.form.comments[c.code]}</p>}
          </section>
        );
      })}
      {props.form.comment && (
        <>
          <h3>{t.t('juror.score.overall')}</h3>
          <p class="prose">{props.form.comment}</p>
        </>
      )}
      <RunningTotal criteria={props.criteria} scores={props.form.scores} />
    </div>
  );
}
