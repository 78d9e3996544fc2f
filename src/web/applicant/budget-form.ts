import { FUNDING_SOURCES, FundingSource } from '../../modules/applications/domain/application-status';
import { BudgetLine } from '../../modules/applications/entities/budget-line.entity';
import { FieldError } from '../ui/form';
import { parseTenge, tengeInputValue } from '../i18n/tenge';

/** What a budget line is for: the choices the page offers (a line written through the API keeps its own). */
export const BUDGET_CATEGORIES = [
  'equipment',
  'materials',
  'premises',
  'transport',
  'livestock',
  'training',
  'services',
  'other',
] as const;

/** Empty rows the page always offers below the lines there are; "add another line" asks for one more. */
export const EMPTY_ROWS = 2;
export const MAX_ROWS = 100;
const COLUMNS = ['category', 'description', 'amount', 'source'] as const;

/** One row of the budget form as typed (amount in tenge, as the person wrote it). */
export interface BudgetRow {
  category: string;
  description: string;
  amount: string;
  source: string;
}

export const rowCount = (requested: unknown, lines: number): number => {
  const asked = typeof requested === 'string' && /^\d{1,3}$/.test(requested) ? Number(requested) : 0;
  return Math.min(MAX_ROWS, Math.max(lines + EMPTY_ROWS, asked));
};

/** The form fields of `rows` rows, for readForm: `category-0`, `amount-0`, ... */
export function budgetFields(rows: number): string[] {
  const names = ['rows', 'action'];
  for (let i = 0; i < rows; i += 1) for (const column of COLUMNS) names.push(`${column}-${i}`);
  return names;
}

export function rowsFromForm(input: Record<string, string>, rows: number): BudgetRow[] {
  return Array.from({ length: rows }, (_, i) => ({
    category: input[`category-${i}`] ?? '',
    description: input[`description-${i}`] ?? '',
    amount: input[`amount-${i}`] ?? '',
    source: input[`source-${i}`] ?? '',
  }));
}

export function rowsFromLines(lines: BudgetLine[], rows: number, decimalSeparator: string): BudgetRow[] {
  const filled = lines.map((l) => ({
    category: l.category,
    description: l.description,
    amount: tengeInputValue(l.amount, decimalSeparator),
    source: l.source,
  }));
  const empty = { category: '', description: '', amount: '', source: '' };
  return [...filled, ...Array.from({ length: Math.max(0, rows - filled.length) }, () => ({ ...empty }))];
}

const isEmpty = (row: BudgetRow) => !row.category && !row.description && !row.amount;

export interface BudgetContent {
  budgetLines: { category: string; description: string; amount: string; source: FundingSource }[];
  requestedAmount: string;
  ownContribution: string;
}

/**
 * The draft content a budget form gives: its non-empty rows as lines (in minor units), the grant
 * requested and the own contribution as the sums of their lines (the page shows them as such, so
 * they always agree), and the problems of rows that are not yet lines, each naming its field.
 */
export function budgetContent(rows: BudgetRow[]): { content: BudgetContent; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const lines: BudgetContent['budgetLines'] = [];
  rows.forEach((row, i) => {
    if (isEmpty(row)) return;
    const number = { number: i + 1 };
    const amount = parseTenge(row.amount);
    if (!row.category) errors.push({ field: `category-${i}`, message: 'applySteps.error.category', params: number });
    if (amount === null || amount === '0')
      errors.push({ field: `amount-${i}`, message: 'applySteps.error.amount', params: number });
    if (!(FUNDING_SOURCES as readonly string[]).includes(row.source))
      errors.push({ field: `source-${i}`, message: 'applySteps.error.source', params: number });
    if (row.description.length > 500)
      errors.push({ field: `description-${i}`, message: 'applySteps.error.lineDescription', params: number });
    if (row.category && amount && amount !== '0' && (FUNDING_SOURCES as readonly string[]).includes(row.source))
      lines.push({
        category: row.category,
        description: row.description,
        amount,
        source: row.source as FundingSource,
      });
  });
  const sum = (source: FundingSource) =>
    lines.filter((l) => l.source === source).reduce((total, l) => total + BigInt(l.amount), 0n);
  return {
    content: { budgetLines: lines, requestedAmount: sum('grant').toString(), ownContribution: sum('own').toString() },
    errors,
  };
}

/** The totals the page shows of a saved draft; the own share in basis points of the total cost. */
export function budgetTotals(requested: bigint, own: bigint): { total: bigint; ownShareBp: number } {
  const total = requested + own;
  return { total, ownShareBp: total === 0n ? 0 : Number((own * 10000n) / total) };
}
