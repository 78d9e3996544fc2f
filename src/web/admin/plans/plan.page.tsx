import { LocalizedText } from '../../../common/i18n/localized-text';
import { DevelopmentPlan } from '../../../modules/plans/entities/development-plan.entity';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, FieldFrame, TextField } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { TEXT_LANGUAGES } from '../../render/localized-fields';
import { GoalRow, MAX_GOALS, PlanForm } from './plan-form';

export interface PlanPageProps {
  village: LocalizedText;
  villageId: string;
  /** Absent for a new draft. */
  plan?: DevelopmentPlan;
  form: PlanForm;
  errors: FieldError[];
  done?: string;
}

/**
 * One plan. A draft is a form that works without JavaScript (goal rows added and removed by submit
 * buttons, nothing stored until "save"), with adopt and archive each behind a confirmation box; an
 * adopted or archived plan is shown read only.
 */
export function PlanPage(props: PlanPageProps) {
  const { t, language } = usePage();
  const { plan, form, errors } = props;
  const village = contentText(props.village, language);
  const title = plan
    ? `${plan.title} (${t.t('adminPlans.version', { version: plan.version })})`
    : t.t('adminPlans.new');
  const editable = !plan || plan.status === 'draft';
  return (
    <Layout title={title}>
      <p>
        <a href="/admin/plans">{t.t('adminPlans.back')}</a>
      </p>
      {props.done && (
        <p class="notice success" role="status">
          {t.t(`adminPlans.done.${props.done as 'saved' | 'adopted' | 'archived'}`)}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p>
        {t.t('adminPlans.col.village')}: <strong>{village}</strong>
        {plan && (
          <>
            {' · '}
            {t.t('adminPlans.col.status')}: <strong>{t.t(`adminPlans.status.${plan.status}`)}</strong>
          </>
        )}
      </p>
      {editable ? <DraftForm {...props} /> : <ReadOnly form={form} />}
      {plan && plan.status === 'draft' && <Move id={plan.id} action="adopt" errors={errors} />}
      {plan && plan.status !== 'archived' && <Move id={plan.id} action="archive" errors={errors} />}
    </Layout>
  );
}

function DraftForm(props: PlanPageProps) {
  const { t } = usePage();
  const { plan, form, errors } = props;
  return (
    <form method="post" action={plan ? `/admin/plans/${plan.id}` : '/admin/plans/new'} class="plan-form" novalidate>
      <CsrfField />
      {/* Enter in a field saves: the first submit button of a form is the one Enter presses. */}
      <button type="submit" name="action" value="save" class="visually-hidden" tabIndex={-1} aria-hidden="true">
        {t.t('adminPlans.save')}
      </button>
      {!plan && <input type="hidden" name="village" value={props.villageId} />}
      <input type="hidden" name="rows" value={String(form.goals.length)} />
      <TextField
        name="title"
        label={t.t('adminPlans.field.title')}
        value={form.title}
        maxLength={300}
        errors={errors}
      />
      <fieldset>
        <legend>{t.t('adminPlans.field.period')}</legend>
        <TextField
          name="periodStart"
          label={t.t('adminPlans.field.from')}
          value={form.periodStart}
          inputMode="numeric"
          maxLength={4}
          errors={errors}
        />
        <TextField
          name="periodEnd"
          label={t.t('adminPlans.field.to')}
          value={form.periodEnd}
          inputMode="numeric"
          maxLength={4}
          errors={errors}
        />
      </fieldset>
      <h2>{t.t('adminPlans.goals')}</h2>
      {form.goals.map((goal, i) => (
        <GoalFields goal={goal} i={i} errors={errors} removable={form.goals.length > 1} />
      ))}
      {form.goals.length < MAX_GOALS && (
        <button class="button secondary" type="submit" name="action" value="add">
          {t.t('adminPlans.addGoal')}
        </button>
      )}
      <p>
        <button class="button" type="submit" name="action" value="save">
          {t.t('adminPlans.save')}
        </button>
      </p>
    </form>
  );
}

function GoalFields(props: { goal: GoalRow; i: number; errors: FieldError[]; removable: boolean }) {
  const { t } = usePage();
  const { goal, i, errors } = props;
  const n = { number: i + 1 };
  return (
    <fieldset class="goal-row">
      <legend>{t.t('adminPlans.goal', n)}</legend>
      <TextField
        name={`code-${i}`}
        label={t.t('adminPlans.field.code')}
        value={goal.code}
        maxLength={16}
        errors={errors}
      />
      {TEXT_LANGUAGES.map((l) => (
        <TextField
          name={`title-${i}-${l}`}
          label={t.t(`adminPlans.field.title.${l}`)}
          value={goal.title[l]}
          maxLength={300}
          errors={errors}
        />
      ))}
      {TEXT_LANGUAGES.map((l) => (
        <TextField
          name={`description-${i}-${l}`}
          label={t.t(`adminPlans.field.description.${l}`)}
          value={goal.description[l]}
          maxLength={5000}
          errors={errors}
        />
      ))}
      <TextField
        name={`priority-${i}`}
        label={t.t('adminPlans.field.priority')}
        hint={t.t('adminPlans.field.priorityHint')}
        value={goal.priority}
        inputMode="numeric"
        maxLength={2}
        errors={errors}
      />
      {props.removable && (
        <button class="button secondary" type="submit" name="action" value={`remove-${i}`}>
          {t.t('adminPlans.removeGoal', n)}
        </button>
      )}
    </fieldset>
  );
}

function ReadOnly(props: { form: PlanForm }) {
  const { t, language } = usePage();
  const { form } = props;
  return (
    <>
      <p>
        {t.t('adminPlans.field.period')}: {form.periodStart}–{form.periodEnd}
      </p>
      <h2>{t.t('adminPlans.goals')}</h2>
      <ol class="plan-goals">
        {form.goals.map((g) => (
          <li>
            <strong>{g.code}</strong> {contentText(g.title, language)} ({t.t('adminPlans.field.priority')}: {g.priority}
            ){Object.values(g.description).some(Boolean) && <p>{contentText(g.description, language)}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Adopt or archive, each behind a box the admin ticks: the confirmation works without JavaScript. */
function Move(props: { id: string; action: 'adopt' | 'archive'; errors: FieldError[] }) {
  const { t } = usePage();
  const name = `confirm-${props.action}`;
  return (
    <form method="post" action={`/admin/plans/${props.id}/${props.action}`} class="plan-move">
      <CsrfField />
      <h2>{t.t(`adminPlans.${props.action}.title`)}</h2>
      <FieldFrame name={name} label={t.t(`adminPlans.${props.action}.confirm`)} errors={props.errors}>
        <input id={name} type="checkbox" name="confirm" value="yes" />
      </FieldFrame>
      <button type="submit" class={props.action === 'adopt' ? 'button' : 'button warning'}>
        {t.t(`adminPlans.${props.action}.submit`)}
      </button>
    </form>
  );
}
