import { DomainError } from '../../common/errors/domain-error';
import { AwardErrors } from '../../modules/awards/awards.errors';
import { StoredFileErrors } from '../../modules/stored-files/stored-files.errors';
import { MessageKey } from '../i18n/catalogue';
import { FieldError } from '../ui/form';
import { MAX_UPLOADS } from './report-form';
import { UploadProblem } from './report-upload.interceptor';

/** Refusals of a file that the person can fix by choosing another: shown on the files field. */
const FILE_PROBLEMS: Partial<Record<string, MessageKey>> = {
  [StoredFileErrors.TOO_LARGE.code]: 'grantee.report.error.fileTooLarge',
  [StoredFileErrors.UNSUPPORTED_TYPE.code]: 'grantee.report.error.fileType',
  [StoredFileErrors.TYPE_MISMATCH.code]: 'grantee.report.error.fileMismatch',
  [StoredFileErrors.INVALID_NAME.code]: 'grantee.report.error.fileName',
  [AwardErrors.FILE_COUNT_LIMIT.code]: 'grantee.report.error.fileCount',
  [AwardErrors.FILE_QUOTA_EXCEEDED.code]: 'grantee.report.error.fileQuota',
  [AwardErrors.FILE_NOT_ON_AWARD.code]: 'grantee.report.error.fileNotOnAward',
};

/** Refusals because the tranche or award moved on meanwhile (another tab, a manager): told above the form. */
const STATE_PROBLEMS: Partial<Record<string, MessageKey>> = {
  [AwardErrors.TRANCHE_WRONG_STATUS.code]: 'grantee.report.notNow',
  [AwardErrors.WRONG_STATUS.code]: 'grantee.report.notNow',
  [AwardErrors.NO_REPORT_NEEDED.code]: 'grantee.report.notNow',
};

export function uploadProblemError(problem: UploadProblem): FieldError {
  return problem === 'too_large'
    ? { field: 'files', message: 'grantee.report.error.fileTooLargeAny' }
    : { field: 'files', message: 'grantee.report.error.tooManyFiles', params: { max: MAX_UPLOADS } };
}

/**
 * A refusal of the service as the form shows it: on the files field (422), or above the form when
 * the tranche can no longer be reported on (409). Anything else is not the person's to fix and
 * propagates to the error page.
 */
export function refusalOnForm(
  error: DomainError,
  fileName: string | null,
): { errors: FieldError[]; problemKey?: MessageKey; status: number } {
  const fileProblem = FILE_PROBLEMS[error.code];
  if (fileProblem)
    return { errors: [{ field: 'files', message: fileProblem, params: { name: fileName ?? '' } }], status: 422 };
  const stateProblem = STATE_PROBLEMS[error.code];
  if (stateProblem) return { errors: [], problemKey: stateProblem, status: 409 };
  throw error;
}
