/**
 * What changed between two snapshot versions of an application, for the manager who returned it.
 * Pure: it reads the two snapshots' content (applicationContent's shape: money as integer strings
 * of tiyn) and lists the differences field by field, budget lines and goals as added or removed.
 */
export const TEXT_FIELDS = [
  'title',
  'summary',
  'description',
  'sector',
  'jobsCreated',
  'plannedStart',
  'durationMonths',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const MONEY_FIELDS = ['requestedAmount', 'ownContribution'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export interface BudgetLineContent {
  category: string;
  description: string;
  /** Tiyn, as an integer string. */
  amount: string;
  source: string;
}

export type VersionChange =
  | { kind: 'text'; field: TextField; before: string | null; after: string | null }
  | { kind: 'money'; field: MoneyField; before: string; after: string }
  | { kind: 'budgetLine'; change: 'added' | 'removed'; line: BudgetLineContent }
  | {
      kind: 'goal';
      change: 'added' | 'removed' | 'changed';
      goalId: string;
      before: string | null;
      after: string | null;
    };

type Content = Record<string, unknown>;

const scalar = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

function lines(content: Content): BudgetLineContent[] {
  const raw = Array.isArray(content.budgetLines) ? (content.budgetLines as Partial<BudgetLineContent>[]) : [];
  return raw.map((l) => ({
    category: String(l.category ?? ''),
    description: String(l.description ?? ''),
    amount: String(l.amount ?? '0'),
    source: String(l.source ?? ''),
  }));
}

function goals(content: Content): Map<string, string> {
  const raw = Array.isArray(content.goals) ? (content.goals as { goalId?: string; contribution?: string }[]) : [];
  return new Map(raw.map((g) => [String(g.goalId), String(g.contribution ?? '')]));
}

const lineKey = (l: BudgetLineContent) => JSON.stringify([l.category, l.description, l.amount, l.source]);

/** Lines in `a` that `b` lacks, counting repeats (two identical lines are two lines). */
function missingFrom(a: BudgetLineContent[], b: BudgetLineContent[]): BudgetLineContent[] {
  const left = new Map<string, number>();
  for (const l of b) left.set(lineKey(l), (left.get(lineKey(l)) ?? 0) + 1);
  return a.filter((l) => {
    const n = left.get(lineKey(l)) ?? 0;
    if (n > 0) left.set(lineKey(l), n - 1);
    return n === 0;
  });
}

export function versionChanges(before: Content, after: Content): VersionChange[] {
  const changes: VersionChange[] = [];
  for (const field of TEXT_FIELDS) {
    const [b, a] = [scalar(before[field]), scalar(after[field])];
    if (b !== a) changes.push({ kind: 'text', field, before: b, after: a });
  }
  for (const field of MONEY_FIELDS) {
    const [b, a] = [String(before[field] ?? '0'), String(after[field] ?? '0')];
    if (b !== a) changes.push({ kind: 'money', field, before: b, after: a });
  }
  const [oldLines, newLines] = [lines(before), lines(after)];
  for (const line of missingFrom(oldLines, newLines)) changes.push({ kind: 'budgetLine', change: 'removed', line });
  for (const line of missingFrom(newLines, oldLines)) changes.push({ kind: 'budgetLine', change: 'added', line });
  const [oldGoals, newGoals] = [goals(before), goals(after)];
  for (const [goalId, contribution] of oldGoals) {
    const now = newGoals.get(goalId);
    if (now === undefined) changes.push({ kind: 'goal', change: 'removed', goalId, before: contribution, after: null });
    else if (now !== contribution)
      changes.push({ kind: 'goal', change: 'changed', goalId, before: contribution, after: now });
  }
  for (const [goalId, contribution] of newGoals)
    if (!oldGoals.has(goalId))
      changes.push({ kind: 'goal', change: 'added', goalId, before: null, after: contribution });
  return changes;
}
