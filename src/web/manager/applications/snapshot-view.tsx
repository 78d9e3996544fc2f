import { LocalizedText } from '../../../common/i18n/localized-text';
import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { BudgetLinesTable } from '../../applicant/answers-summary';

/** The fields of a frozen snapshot this page shows, read defensively (older snapshots lack some). */
interface SnapshotContent {
  title?: string;
  summary?: string;
  description?: string;
  sector?: string;
  goals?: { goalId: string; contribution: string }[];
  requestedAmount?: string;
  ownContribution?: string;
  budgetLines?: { category: string; description?: string; amount: string; source: string }[];
  jobsCreated?: number;
  plannedStart?: string | null;
  durationMonths?: number | null;
}

/** The content as the applicant submitted it: what jurors will read (without who applied). */
export function SnapshotView(props: {
  content: Record<string, unknown>;
  goals: { id: string; code: string; title: LocalizedText }[];
}) {
  const { t, language } = usePage();
  const s = props.content as SnapshotContent;
  const none = <span class="muted">{t.t('managerApplications.snapshot.none')}</span>;
  const goal = (id: string) => props.goals.find((g) => g.id === id);
  return (
    <>
      <dl class="summary-list">
        <dt>{t.t('applySteps.project.titleLabel')}</dt>
        <dd>{s.title || none}</dd>
        <dt>{t.t('applySteps.project.summary')}</dt>
        <dd>{s.summary || none}</dd>
        <dt>{t.t('applySteps.project.description')}</dt>
        <dd class="prose">{s.description || none}</dd>
        <dt>{t.t('applySteps.project.sector')}</dt>
        <dd>{s.sector ? t.t(`applySteps.sector.${s.sector}` as MessageKey) : none}</dd>
        <dt>{t.t('applySteps.project.jobs')}</dt>
        <dd>{t.number(s.jobsCreated ?? 0)}</dd>
        <dt>{t.t('applySteps.project.start')}</dt>
        <dd>{s.plannedStart ? t.date(s.plannedStart) : none}</dd>
        <dt>{t.t('applySteps.project.duration')}</dt>
        <dd>{s.durationMonths ?? none}</dd>
      </dl>
      <h3>{t.t('apply.task.goals')}</h3>
      {(s.goals ?? []).length === 0 ? (
        <p>{none}</p>
      ) : (
        <dl class="summary-list">
          {(s.goals ?? []).map((g) => {
            const found = goal(g.goalId);
            return (
              <>
                <dt>{found ? `${found.code}. ${contentText(found.title, language)}` : g.goalId}</dt>
                <dd>{g.contribution || none}</dd>
              </>
            );
          })}
        </dl>
      )}
      <h3>{t.t('apply.task.budget')}</h3>
      <BudgetLinesTable lines={s.budgetLines ?? []} />
      <dl class="summary-list">
        <dt>{t.t('applySteps.budget.requested')}</dt>
        <dd>{t.money(s.requestedAmount ?? '0')}</dd>
        <dt>{t.t('applySteps.budget.own')}</dt>
        <dd>{t.money(s.ownContribution ?? '0')}</dd>
      </dl>
    </>
  );
}
