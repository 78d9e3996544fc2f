import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { CompetitionErrors } from './competitions.errors';
import { CompetitionsRepository } from './competitions.repository';
import {
  canCompetition,
  COMPETITION_TRANSITIONS,
  CompetitionAction,
  CompetitionStatus,
} from './domain/competition-status';

export type CompetitionMove = Exclude<CompetitionAction, 'edit'>;

/**
 * The one way a competition's status changes, for this module and for awards (which finalizes it):
 * checked against the transition table, then a compare-and-set on the status it was in, in the
 * caller's transaction. A move the table does not allow, or one someone else made first, is
 * COMPETITION.WRONG_STATUS (409). The caller records the audit event: it knows what the move meant.
 */
@Injectable()
export class CompetitionStatusService {
  constructor(private readonly competitions: CompetitionsRepository) {}

  async move(
    em: EntityManager,
    id: string,
    action: CompetitionMove,
  ): Promise<{ from: CompetitionStatus; to: CompetitionStatus }> {
    const from = await this.competitions.statusOf(em, id);
    if (!from) throw new DomainError(CompetitionErrors.NOT_FOUND);
    const { to } = COMPETITION_TRANSITIONS[action];
    if (!canCompetition(action, from) || !(await this.competitions.transition(em, id, from, to)))
      throw new DomainError(CompetitionErrors.WRONG_STATUS, { status: from, action });
    return { from, to };
  }
}
