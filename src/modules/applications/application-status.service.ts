import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationStatusRepository, MoveColumns } from './application-status.repository';
import { ApplicationErrors as E } from './applications.errors';
import { ApplicationMove, ApplicationStatus, moveTarget } from './domain/application-status';

export interface MoveRequest {
  applicationId: string;
  move: ApplicationMove;
  /** Null for the system (the worker finalizing a round). */
  actorId: string | null;
  /** Shown in the applicant's history. */
  reason?: string | null;
}

export interface BulkMoveRequest {
  move: ApplicationMove;
  /** The status the applications are moved from; those no longer in it are left as they are. */
  from: ApplicationStatus;
  actorId: string | null;
  reason: string;
}

/**
 * The one way an application's status changes, for this module and for reviews and awards: each
 * move is checked against the transition table (domain/application-status.ts), applied by
 * compare-and-set on the status it starts from, and written to the application's history, in the
 * caller's transaction. A move the table does not allow, or one someone else made first, is
 * APPLICATION.WRONG_STATUS (409) and changes nothing.
 */
@Injectable()
export class ApplicationStatusService {
  constructor(private readonly statuses: ApplicationStatusRepository) {}

  /** One application, from the status it is in now. `set`: the columns the applications module's own steps write with it. */
  async move(
    em: EntityManager,
    request: MoveRequest,
    set: MoveColumns = {},
  ): Promise<{ from: ApplicationStatus; to: ApplicationStatus }> {
    const from = await this.statuses.statusOf(em, request.applicationId);
    if (!from) throw new DomainError(E.NOT_FOUND);
    const to = this.target(request.move, from);
    const step = { from, to, actorId: request.actorId, reason: request.reason ?? null };
    if (!(await this.statuses.move(em, request.applicationId, step, set)))
      throw new DomainError(E.WRONG_STATUS, { status: from, action: request.move });
    return { from, to };
  }

  /** The given applications that are still in `from`, in one statement; returns those it moved. */
  async moveMany(em: EntityManager, applicationIds: string[], request: BulkMoveRequest): Promise<string[]> {
    const step = this.bulkStep(request);
    return applicationIds.length ? this.statuses.moveMany(em, { ids: applicationIds }, step) : [];
  }

  /** Every application of the competition in `from`, in one statement; returns those it moved. */
  async moveAllOf(em: EntityManager, competitionId: string, request: BulkMoveRequest): Promise<string[]> {
    return this.statuses.moveMany(em, { competitionId }, this.bulkStep(request));
  }

  private bulkStep(request: BulkMoveRequest) {
    const to = this.target(request.move, request.from);
    return { from: request.from, to, actorId: request.actorId, reason: request.reason };
  }

  private target(move: ApplicationMove, from: ApplicationStatus): ApplicationStatus {
    const to = moveTarget(move, from);
    if (!to) throw new DomainError(E.WRONG_STATUS, { status: from, action: move });
    return to;
  }
}
