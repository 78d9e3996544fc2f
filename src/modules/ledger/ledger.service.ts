import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { accountKey, AccountKind, Movement, movement } from './domain/ledger';
import { LedgerErrors as E } from './ledger.errors';
import { LedgerRepository } from './ledger.repository';

/** Accounts are locked in this order by every movement, so two movements never wait on each other in a cycle. */
const LOCK_ORDER: Record<AccountKind, number> = { budget: 0, payable: 1, paid: 2, funding: 3 };

export interface Posting {
  competitionId: string;
  movement: Exclude<Movement, 'opening'>;
  amount: bigint;
  awardId: string;
  reference?: string;
  actorId: string | null;
}

export interface CompetitionBalances {
  budget: bigint;
  /** Committed to awards and not yet paid. */
  payable: bigint;
  paid: bigint;
  /** What the competition was given: budget + payable + paid. */
  funded: bigint;
}

/**
 * Posts balanced movements in the caller's transaction (the cause and its money move together).
 * The budget is opened from the competition on first use. An overrun of the budget or of what an
 * award still owes is refused by the database under any race: LEDGER.INSUFFICIENT_FUNDS.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  async post(em: EntityManager, posting: Posting): Promise<string> {
    await this.ensureOpened(em, posting.competitionId, posting.actorId);
    await this.ledger.ensureAwardAccount(em, posting.competitionId, posting.awardId);
    return this.write(
      em,
      posting.competitionId,
      posting.movement,
      posting.amount,
      posting.awardId,
      posting.reference ?? null,
      posting.actorId,
    );
  }

  /** What an award still owes: committed and not yet paid (its payable account; 0 before it is approved). */
  async awardBalance(em: EntityManager, awardId: string): Promise<bigint> {
    return this.ledger.awardBalance(em, awardId);
  }

  async balances(competitionId: string): Promise<CompetitionBalances> {
    const rows = await this.ledger.balances(competitionId);
    const sum = (kind: AccountKind) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.balance, 0n);
    return { budget: sum('budget'), payable: sum('payable'), paid: sum('paid'), funded: -sum('funding') };
  }

  private async ensureOpened(em: EntityManager, competitionId: string, actorId: string | null): Promise<void> {
    // Opened already (every post but the first): a plain read, because the insert below would
    // wait on the budget row while another transaction is moving money on it.
    if (await this.ledger.hasCompetitionAccounts(em, competitionId)) return;
    const budget = await this.ledger.competitionBudget(em, competitionId);
    if (budget === null) throw new DomainError(E.COMPETITION_NOT_FOUND);
    if (await this.ledger.ensureCompetitionAccounts(em, competitionId)) {
      await this.write(em, competitionId, 'opening', budget, null, 'competition budget', actorId);
    }
  }

  private async write(
    em: EntityManager,
    competitionId: string,
    kind: Movement,
    amount: bigint,
    awardId: string | null,
    reference: string | null,
    actorId: string | null,
  ): Promise<string> {
    const entries = movement(kind, amount, awardId ?? undefined).sort(
      (a, b) => LOCK_ORDER[a.account.kind] - LOCK_ORDER[b.account.kind],
    );
    const ids = await this.ledger.accountIds(em, competitionId, awardId);
    return this.ledger.insertTransaction(
      em,
      { competitionId, movement: kind, awardId, reference, createdBy: actorId },
      entries.map((e) => ({ accountId: ids.get(accountKey(e.account))!, amount: e.amount })),
    );
  }
}
