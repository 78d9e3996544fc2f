import { ContentText, contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { FieldError } from '../ui/form';
import { StepForm, StepFrame } from './applicant-ui';

export interface PlanGoalView {
  id: string;
  code: string;
  title: ContentText;
  description: ContentText;
}

/** One row of the goals form: whether the goal is chosen, and the sentence on how. */
export interface GoalChoice {
  chosen: boolean;
  how: string;
}

/** The goals of the village's adopted plan as checkboxes, each with a sentence on how it is supported. */
export function GoalsPage(props: {
  applicationId: string;
  planTitle: ContentText | null;
  goals: PlanGoalView[];
  choices: GoalChoice[];
  errors: FieldError[];
}) {
  const { t, language } = usePage();
  const { errors } = props;
  return (
    <StepFrame title={t.t('apply.task.goals')} applicationId={props.applicationId} errors={errors}>
      {props.planTitle === null ? (
        <p class="notice">{t.t('applySteps.goals.noPlan')}</p>
      ) : (
        <StepForm action={`/applications/${props.applicationId}/goals`}>
          <fieldset id="goals" aria-describedby="goals-hint">
            <legend>{t.t('applySteps.goals.title')}</legend>
            <span class="hint" id="goals-hint">
              {t.t('applySteps.goals.plan', { title: contentText(props.planTitle, language) })}.{' '}
              {t.t('applySteps.goals.hint')}
            </span>
            {props.goals.map((goal, i) => {
              const title = `${goal.code}. ${contentText(goal.title, language)}`;
              const error = errors.find((e) => e.field === `how-${i}`);
              return (
                <div class={error ? 'form-group has-error' : 'form-group'}>
                  <div class="choice">
                    <input
                      type="checkbox"
                      id={`goal-${i}`}
                      name={`goal-${i}`}
                      value={goal.id}
                      checked={props.choices[i]?.chosen}
                    />
                    <label for={`goal-${i}`}>
                      <strong>{title}</strong>
                      {contentText(goal.description, language) && (
                        <span class="hint">{contentText(goal.description, language)}</span>
                      )}
                    </label>
                  </div>
                  <label for={`how-${i}`}>
                    {t.t('applySteps.goals.how', { goal: contentText(goal.title, language) })}
                  </label>
                  {error && (
                    <span class="field-error" id={`how-${i}-error`}>
                      {t.t(error.message, error.params)}
                    </span>
                  )}
                  <textarea
                    id={`how-${i}`}
                    name={`how-${i}`}
                    rows={2}
                    maxLength={1000}
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? `how-${i}-error` : undefined}
                  >
                    {props.choices[i]?.how ?? ''}
                  </textarea>
                </div>
              );
            })}
          </fieldset>
          <button class="button" type="submit">
            {t.t('applySteps.save')}
          </button>
        </StepForm>
      )}
    </StepFrame>
  );
}
