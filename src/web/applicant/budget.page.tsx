import { Competition } from '../../modules/competitions/entities/competition.entity';
import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { FieldError, Select, TextField } from '../ui/form';
import { categoryLabel } from './answers-summary';
import { StepForm, StepFrame } from './applicant-ui';
import { BUDGET_CATEGORIES, BudgetRow, budgetTotals } from './budget-form';

/**
 * The budget as rows that work without JavaScript: the lines there are plus empty rows, "add
 * another line" and "remove" as submit buttons that save what is typed. The totals shown are
 * the server's, of the budget as saved; with JavaScript they follow the typing (enhance.js).
 */
export function BudgetPage(props: {
  applicationId: string;
  competition: Competition;
  rows: BudgetRow[];
  saved: { requested: bigint; own: bigint };
  errors: FieldError[];
}) {
  const { t } = usePage();
  const { errors, competition } = props;
  const totals = budgetTotals(props.saved.requested, props.saved.own);
  const categories = (current: string) => [
    ...BUDGET_CATEGORIES.map((c) => ({ value: c, label: t.t(`applySteps.category.${c}` as MessageKey) })),
    ...(current && !(BUDGET_CATEGORIES as readonly string[]).includes(current)
      ? [{ value: current, label: categoryLabel(current, t.t.bind(t)) }]
      : []),
  ];
  return (
    <StepFrame title={t.t('apply.task.budget')} applicationId={props.applicationId} errors={errors}>
      <p>{t.t('applySteps.budget.lead')}</p>
      <p class="notice">
        {t.t('applySteps.budget.rules', {
          min: t.money(competition.minAward),
          max: t.money(competition.maxAward),
          share: t.number(competition.minOwnShareBp / 100),
        })}
      </p>
      <StepForm action={`/applications/${props.applicationId}/budget`} budget>
        {/* Enter in a field saves: the first submit button of a form is the one Enter presses. */}
        <button type="submit" name="action" value="save" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t.t('common.save')}
        </button>
        <input type="hidden" name="rows" value={String(props.rows.length)} />
        <div id="budget-lines">
          {props.rows.map((row, i) => (
            <fieldset class="budget-line">
              <legend>{t.t('applySteps.budget.line', { number: i + 1 })}</legend>
              <Select
                name={`category-${i}`}
                label={t.t('applySteps.budget.category')}
                value={row.category}
                placeholder={t.t('applySteps.budget.choose')}
                options={categories(row.category)}
                errors={errors}
              />
              <TextField
                name={`description-${i}`}
                label={t.t('applySteps.budget.description')}
                value={row.description}
                maxLength={500}
                errors={errors}
              />
              <TextField
                name={`amount-${i}`}
                label={t.t('applySteps.budget.amount')}
                value={row.amount}
                inputMode="decimal"
                maxLength={20}
                errors={errors}
              />
              <Select
                name={`source-${i}`}
                label={t.t('applySteps.budget.source')}
                value={row.source || 'grant'}
                options={(['grant', 'own'] as const).map((s) => ({
                  value: s,
                  label: t.t(`applySteps.budget.source.${s}` as MessageKey),
                }))}
                errors={errors}
              />
              {(row.category || row.amount || row.description) && (
                <button class="button secondary" type="submit" name="action" value={`remove-${i}`}>
                  {t.t('applySteps.budget.remove', { number: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
        </div>
        <button class="button secondary" type="submit" name="action" value="add">
          {t.t('applySteps.budget.add')}
        </button>
        <h2 id="totals">{t.t('applySteps.budget.totals')}</h2>
        <dl class="summary-list">
          <dt>{t.t('applySteps.budget.requested')}</dt>
          <dd>
            <output data-sum="grant">{t.money(props.saved.requested)}</output>
          </dd>
          <dt>{t.t('applySteps.budget.own')}</dt>
          <dd>
            <output data-sum="own">{t.money(props.saved.own)}</output>
          </dd>
          <dt>{t.t('applySteps.budget.total')}</dt>
          <dd>
            <output data-sum="total">{t.money(totals.total)}</output>
          </dd>
          <dt>{t.t('applySteps.budget.share')}</dt>
          <dd>
            <output data-sum="share">{t.number(totals.ownShareBp / 100)}%</output>
          </dd>
        </dl>
        <p class="hint" data-totals-note="">
          {t.t('applySteps.budget.savedTotals')}
        </p>
        <button class="button" type="submit" name="action" value="save">
          {t.t('applySteps.save')}
        </button>
      </StepForm>
    </StepFrame>
  );
}
