import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AssignmentsRepository, OverviewRow } from './assignments.repository';
import { AssignmentRun } from './entities/assignment-run.entity';
import { ReviewErrors as E } from './reviews.errors';
import { RoundsRepository } from './rounds.repository';

/** Managers' reads of assignments and runs. */
@Injectable()
export class AssignmentsQueryService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly rounds: RoundsRepository,
  ) {}

  async runs(roundId: string): Promise<AssignmentRun[]> {
    if (!(await this.rounds.find(roundId))) throw new DomainError(E.ROUND_NOT_FOUND);
    return this.assignments.listRuns(roundId);
  }

  async run(id: string): Promise<AssignmentRun> {
    const run = await this.assignments.findRun(id);
    if (!run) throw new DomainError(E.RUN_NOT_FOUND);
    return run;
  }

  async overview(roundId: string, limit: number, offset: number): Promise<[OverviewRow[], number]> {
    if (!(await this.rounds.find(roundId))) throw new DomainError(E.ROUND_NOT_FOUND);
    return this.assignments.overview(roundId, limit, offset);
  }
}
