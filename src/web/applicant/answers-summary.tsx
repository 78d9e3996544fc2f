import { Application } from '../../modules/applications/entities/application.entity';
import { Attachment } from '../../modules/attachments/entities/attachment.entity';
import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { TableScroll } from '../ui/table-scroll';
import { PlanGoalView } from './goals.page';
import { BUDGET_CATEGORIES, budgetTotals } from './budget-form';

/** Everything the draft says, as summary lists per step; with change links while it is a draft. */
export function AnswersSummary(props: {
  application: Application;
  goals: PlanGoalView[];
  files: Attachment[];
  changeLinks: boolean;
}) {
  const { t, language } = usePage();
  const a = props.application;
  const base = `/applications/${a.id}`;
  const none = <span class="muted">{t.t('apply.check.notGiven')}</span>;
  const change = (path: string, label: string) =>
    props.changeLinks && (
      <p class="no-print">
        <a href={`${base}/${path}`}>
          {t.t('apply.check.change')}
          <span class="visually-hidden"> {label}</span>
        </a>
      </p>
    );
  const totals = budgetTotals(a.requestedAmount, a.ownContribution);
  const goalTitle = (id: string) => {
    const goal = props.goals.find((g) => g.id === id);
    return goal ? `${goal.code}. ${contentText(goal.title, language)}` : id;
  };
  return (
    <>
      <h2>{t.t('apply.task.project')}</h2>
      <dl class="summary-list">
        <dt>{t.t('applySteps.project.titleLabel')}</dt>
        <dd>{a.title || none}</dd>
        <dt>{t.t('applySteps.project.summary')}</dt>
        <dd>{a.summary || none}</dd>
        <dt>{t.t('applySteps.project.description')}</dt>
        <dd>{a.description || none}</dd>
        <dt>{t.t('applySteps.project.sector')}</dt>
        <dd>{t.t(`applySteps.sector.${a.sector}` as MessageKey)}</dd>
        <dt>{t.t('applySteps.project.jobs')}</dt>
        <dd>{t.number(a.jobsCreated)}</dd>
        <dt>{t.t('applySteps.project.start')}</dt>
        <dd>{a.plannedStart ? t.date(a.plannedStart) : none}</dd>
        <dt>{t.t('applySteps.project.duration')}</dt>
        <dd>{a.durationMonths ?? none}</dd>
      </dl>
      {change('project', t.t('apply.task.project'))}
      <h2>{t.t('apply.task.goals')}</h2>
      {(a.goals ?? []).length === 0 ? (
        <p>{none}</p>
      ) : (
        <dl class="summary-list">
          {(a.goals ?? []).map((g) => (
            <>
              <dt>{goalTitle(g.goalId)}</dt>
              <dd>{g.contribution}</dd>
            </>
          ))}
        </dl>
      )}
      {change('goals', t.t('apply.task.goals'))}
      <h2>{t.t('apply.task.budget')}</h2>
      <BudgetLinesTable lines={a.budgetLines ?? []} />
      <dl class="summary-list">
        <dt>{t.t('applySteps.budget.requested')}</dt>
        <dd>{t.money(a.requestedAmount)}</dd>
        <dt>{t.t('applySteps.budget.own')}</dt>
        <dd>{t.money(a.ownContribution)}</dd>
        <dt>{t.t('applySteps.budget.total')}</dt>
        <dd>{t.money(totals.total)}</dd>
        <dt>{t.t('applySteps.budget.share')}</dt>
        <dd>{t.number(totals.ownShareBp / 100)}%</dd>
      </dl>
      {change('budget', t.t('apply.task.budget'))}
      <h2>{t.t('apply.task.files')}</h2>
      {props.files.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul>
          {props.files.map((file) => (
            <li>{file.originalName}</li>
          ))}
        </ul>
      )}
      {change('attachments', t.t('apply.task.files'))}
    </>
  );
}

const CATEGORY_KEYS: ReadonlySet<string> = new Set(BUDGET_CATEGORIES);

/** A category the page offers, in the reader's language; one written through the API, as written. */
/** An application's budget lines as a table (nothing when there are none): the applicant's check page and the managers' snapshot. */
export function BudgetLinesTable(props: {
  lines: { category: string; description?: string | null; source: string; amount: bigint | string }[];
}) {
  const { t } = usePage();
  if (props.lines.length === 0) return null;
  return (
    <TableScroll label={t.t('apply.task.budget')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.t('applySteps.budget.category')}</th>
            <th scope="col">{t.t('applySteps.budget.source')}</th>
            <th scope="col" class="num">
              {t.t('apply.field.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line) => (
            <tr>
              <td>
                {categoryLabel(line.category, t.t.bind(t))}
                {line.description && <span class="hint">{line.description}</span>}
              </td>
              <td>{t.t(`applySteps.budget.source.${line.source}` as MessageKey)}</td>
              <td class="num">{t.money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function categoryLabel(category: string, t: (key: MessageKey) => string): string {
  return CATEGORY_KEYS.has(category) ? t(`applySteps.category.${category}` as MessageKey) : category;
}
