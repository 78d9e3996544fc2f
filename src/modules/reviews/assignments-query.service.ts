import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AssignmentOverviewRepository, OverviewRow } from './assignment-overview.repository';
import { AssignmentRunsRepository } from './assignment-runs.repository';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentRun } from './entities/assignment-run.entity';
import { ReviewErrors as E } from './reviews.errors';
import { RoundsRepository } from './rounds.repository';

/** Managers' reads of assignments and runs. */
@Injectable()
export class AssignmentsQueryService {
  constructor(
    private readonly assignmentRuns: AssignmentRunsRepository,
    private readonly overviews: AssignmentOverviewRepository,
    private readonly rounds: RoundsRepository,
    private readonly assignments: AssignmentsRepository,
  ) {}

  /** Where an assignment sits: its round and application, whatever its status. */
  async placeOfAssignment(assignmentId: string): Promise<{ roundId: string; applicationId: string }> {
    const assignment = await this.assignments.find(assignmentId);
    if (!assignment) throw new DomainError(E.ASSIGNMENT_NOT_FOUND);
    return { roundId: assignment.roundId, applicationId: assignment.applicationId };
  }

  async runs(roundId: string, limit: number, offset: number): Promise<[AssignmentRun[], number]> {
    if (!(await this.rounds.find(roundId))) throw new DomainError(E.ROUND_NOT_FOUND);
    return this.assignmentRuns.listRuns(roundId, limit, offset);
  }

  async run(id: string): Promise<AssignmentRun> {
    const run = await this.assignmentRuns.findRun(id);
    if (!run) throw new DomainError(E.RUN_NOT_FOUND);
    return run;
  }

  async overview(
    roundId: string,
    limit: number,
    offset: number,
    applicationId?: string,
  ): Promise<[OverviewRow[], number]> {
    if (!(await this.rounds.find(roundId))) throw new DomainError(E.ROUND_NOT_FOUND);
    return this.overviews.overview(roundId, limit, offset, applicationId);
  }
}
