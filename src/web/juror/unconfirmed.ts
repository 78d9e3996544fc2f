import { DomainError } from '../../common/errors/domain-error';
import { ReviewErrors } from '../../modules/reviews/reviews.errors';
import { RedirectResult, seeOther } from '../render/web-result';

/**
 * Runs a read of the workspace; a juror who has not confirmed their conflict declaration yet is
 * sent to it instead (the workspace opens only after confirmation).
 */
export async function orConflictsFirst<T>(read: () => Promise<T>): Promise<T | RedirectResult> {
  try {
    return await read();
  } catch (error) {
    const competitionId = error instanceof DomainError ? error.details?.competitionId : undefined;
    if (
      error instanceof DomainError &&
      error.code === ReviewErrors.CONFLICTS_NOT_CONFIRMED.code &&
      typeof competitionId === 'string'
    )
      return seeOther(`/reviews/competitions/${competitionId}/conflicts`);
    throw error;
  }
}
