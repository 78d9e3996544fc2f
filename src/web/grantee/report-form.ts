import { DomainError } from '../../common/errors/domain-error';
import { MAX_JOBS_CREATED, MAX_REPORT_BODY, MAX_REPORT_FILES } from '../../modules/awards/dto/report.dto';
import type { ReportSpending } from '../../modules/awards/entities/milestone-report.entity';
import { FieldError } from '../ui/form';
import { WebErrors } from '../web.errors';
import { ReportBudgetLine } from './grantee-view';

/** Files one send of the form may carry (each up to ATTACHMENT_MAX_BYTES); more can follow on a later report. */
export const MAX_UPLOADS = 5;

/** The report form as typed: text as sent, one spending amount per budget line, files kept from a try before. */
export interface ReportFormValues {
  body: string;
  jobsCreated: string;
  spending: string[];
  /** Ids of files uploaded by an earlier send of this form that failed after them. */
  keptFileIds: string[];
}

export interface CheckedReport {
  body: string;
  jobsCreated: number;
  spending: ReportSpending[];
}

const spendingField = (index: number) => `spending-${index}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tenge as people type them: digits with spaces between thousands, up to two decimals after a comma or dot. */
const TENGE = /^(\d{1,13})(?:[.,](\d{1,2}))?$/;

export const emptyReportForm = (lines: number): ReportFormValues => ({
  body: '',
  jobsCreated: '',
  spending: Array.from({ length: lines }, () => ''),
  keptFileIds: [],
});

/** Tenge typed in a field ("150 000", "1250,5") in minor units; null when it is not an amount. */
export function parseTenge(text: string): bigint | null {
  const match = TENGE.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (!match) return null;
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * The fields the form may send, as trimmed text; anything else (a field the page never had, a
 * value that is not text) is a forged form, refused whole, like readForm does for plain forms.
 */
export function readReportForm(body: unknown, lines: number): ReportFormValues {
  const values = emptyReportForm(lines);
  if (body === undefined) return values;
  if (typeof body !== 'object' || body === null) throw new DomainError(WebErrors.FORM_INVALID);
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value !== 'string' || value.length > MAX_REPORT_BODY + 1000)
      throw new DomainError(WebErrors.FORM_INVALID, { field: name });
    const spending = /^spending-(\d{1,3})$/.exec(name);
    if (name === 'body' || name === 'jobsCreated') values[name] = value.trim();
    else if (spending && Number(spending[1]) < lines) values.spending[Number(spending[1])] = value.trim();
    else if (name === 'keptFiles') values.keptFileIds = value.split(',').filter((id) => UUID.test(id));
    else if (name !== '_csrf') throw new DomainError(WebErrors.FORM_INVALID, { field: name });
  }
  values.keptFileIds = [...new Set(values.keptFileIds)].slice(0, MAX_REPORT_FILES);
  return values;
}

/**
 * Every problem of the form at once, each on its field, as the JSON API's validation would find
 * them (SubmitReportDto): the text, the jobs created, each amount spent, how many files.
 */
export function checkReportForm(
  values: ReportFormValues,
  lines: ReportBudgetLine[],
  uploads: number,
): { report: CheckedReport | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!values.body) errors.push({ field: 'body', message: 'grantee.report.error.bodyRequired' });
  else if (values.body.length > MAX_REPORT_BODY)
    errors.push({ field: 'body', message: 'grantee.report.error.bodyTooLong', params: { max: MAX_REPORT_BODY } });
  const jobs = /^\d{1,6}$/.test(values.jobsCreated) ? Number(values.jobsCreated) : NaN;
  if (!(jobs <= MAX_JOBS_CREATED))
    errors.push({ field: 'jobsCreated', message: 'grantee.report.error.jobs', params: { max: MAX_JOBS_CREATED } });
  const spending: ReportSpending[] = [];
  lines.forEach((line, index) => {
    const text = values.spending[index] ?? '';
    if (!text) return;
    const amount = parseTenge(text);
    if (amount === null) {
      errors.push({
        field: spendingField(index),
        message: 'grantee.report.error.amount',
        params: { line: line.description || line.category },
      });
    } else if (amount > 0n) {
      spending.push({ category: line.category, description: line.description, amount: amount.toString() });
    }
  });
  if (uploads > MAX_UPLOADS || uploads + values.keptFileIds.length > MAX_REPORT_FILES)
    errors.push({ field: 'files', message: 'grantee.report.error.tooManyFiles', params: { max: MAX_UPLOADS } });
  return { report: errors.length ? null : { body: values.body, jobsCreated: jobs, spending }, errors };
}
