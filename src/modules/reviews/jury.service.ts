import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageRequest as Page } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { AssignmentChangesService } from './assignment-changes.service';
import { ConflictKind } from './domain/jury/conflicts';
import { jurorPseudonym } from './domain/jury/pseudonym';
import { CompetitionJuror } from './entities/competition-juror.entity';
import { ConflictDeclaration } from './entities/conflict-declaration.entity';
import { ApplicantEntry, JuryRepository, JurorRow, NamedDeclaration } from './jury.repository';
import { ReviewErrors as E } from './reviews.errors';
import { RoundsRepository } from './rounds.repository';

export interface DeclarationInput {
  applicantId?: string;
  applicationId?: string;
  villageId?: string;
  kind: ConflictKind;
  note?: string;
}

/**
 * The panel and its conflicts. A juror declares conflicts seeing only names and villages, then
 * confirms; a conflict found later still counts and ends any assignment it touches (a recusal).
 */
@Injectable()
export class JuryService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jury: JuryRepository,
    private readonly rounds: RoundsRepository,
    private readonly changes: AssignmentChangesService,
    private readonly audit: AuditService,
  ) {}

  async add(
    actorId: string,
    competitionId: string,
    input: { userId: string; expertise?: string[]; homeVillageId?: string },
  ): Promise<JurorRow> {
    await this.dataSource.transaction(async (em) => {
      const competition = await this.rounds.competition(em, competitionId);
      if (!competition) throw new DomainError(E.COMPETITION_NOT_FOUND);
      const account = await this.jury.jurorAccount(em, input.userId);
      if (!account)
        throw new DomainError(E.NOT_A_JUROR, {
          fields: [{ field: 'userId', problems: ['must be an active account with the juror role'] }],
        });
      if (await this.jury.find(competitionId, input.userId, em)) throw new DomainError(E.JUROR_EXISTS);
      if (await this.jury.hasApplied(em, competitionId, input.userId)) {
        throw new DomainError(E.NOT_A_JUROR, {
          fields: [{ field: 'userId', problems: ['has applied in this competition, so cannot judge it'] }],
        });
      }
      const values = {
        competitionId,
        userId: input.userId,
        expertise: [...new Set((input.expertise ?? []).map((t) => t.trim().toLowerCase()))].sort(),
        homeVillageId: input.homeVillageId ?? account.homeVillageId,
        addedBy: actorId,
      };
      await this.jury.insert(em, values);
      await this.audit.record(em, {
        actorId,
        action: 'juror.added',
        entityType: 'competition',
        entityId: competitionId,
        after: values,
      });
    });
    return (await this.jury.list(competitionId, input.userId))[0];
  }

  async remove(actorId: string, competitionId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const juror = await this.jury.lock(em, competitionId, userId);
      if (!juror) throw new DomainError(E.JUROR_NOT_FOUND);
      if (await this.jury.hasAssignments(em, competitionId, userId)) throw new DomainError(E.JUROR_HAS_ASSIGNMENTS);
      await this.jury.remove(em, competitionId, userId);
      await this.audit.record(em, {
        actorId,
        action: 'juror.removed',
        entityType: 'competition',
        entityId: competitionId,
        before: { userId },
      });
    });
  }

  async list(competitionId: string, page: Page): Promise<[JurorRow[], number]> {
    if (!(await this.rounds.competition(this.dataSource.manager, competitionId)))
      throw new DomainError(E.COMPETITION_NOT_FOUND);
    return [await this.jury.list(competitionId, undefined, page), await this.jury.countJurors(competitionId)];
  }

  /** Oversight of conflicts: managers see who declared, observers a stable pseudonym. */
  async allDeclarations(viewer: AuthUser, competitionId: string, page: Page) {
    if (!(await this.rounds.competition(this.dataSource.manager, competitionId)))
      throw new DomainError(E.COMPETITION_NOT_FOUND);
    const staff = viewer.roles.some((r) => r === 'manager' || r === 'admin');
    const [declarations, total] = await this.jury.allDeclarations(competitionId, page.limit, page.offset);
    if (viewer.roles.includes('observer'))
      await this.audit.recordRead(viewer.id, 'conflict_declarations', 'competition', competitionId, {
        count: declarations.length,
        limit: page.limit,
        offset: page.offset,
      });
    const items = declarations.map(({ jurorId, ...d }) => ({
      ...d,
      juror: staff ? jurorId : jurorPseudonym(this.config.pseudonymSecret, competitionId, jurorId),
      createdAt: new Date(d.createdAt).toISOString(),
    }));
    return { items, total };
  }

  async panelsOf(userId: string, page: Page) {
    return this.jury.panelsOf(userId, page.limit, page.offset);
  }

  /** 404 for anyone not on the panel: a juror learns nothing about other competitions. */
  async member(competitionId: string, userId: string): Promise<CompetitionJuror> {
    const juror = await this.jury.find(competitionId, userId);
    if (!juror) throw new DomainError(E.JUROR_NOT_FOUND);
    return juror;
  }

  async applicants(
    jurorId: string,
    competitionId: string,
    limit: number,
    offset: number,
  ): Promise<[ApplicantEntry[], number]> {
    await this.member(competitionId, jurorId);
    return this.jury.applicants(competitionId, limit, offset);
  }

  async declarations(jurorId: string, competitionId: string, page: Page): Promise<[ConflictDeclaration[], number]> {
    await this.member(competitionId, jurorId);
    return this.jury.declarationsPage(competitionId, jurorId, page.limit, page.offset);
  }

  /** My declarations in the competition with the name of what each concerns (for the juror's page). */
  async myDeclarations(jurorId: string, competitionId: string): Promise<NamedDeclaration[]> {
    await this.member(competitionId, jurorId);
    return this.jury.myDeclarationsNamed(competitionId, jurorId);
  }

  async declare(jurorId: string, competitionId: string, input: DeclarationInput): Promise<ConflictDeclaration> {
    const targets = [input.applicantId, input.applicationId, input.villageId].filter((t) => t !== undefined);
    if (targets.length !== 1) {
      throw new DomainError(E.CONFLICT_TARGET_REQUIRED, {
        fields: [{ field: 'applicantId', problems: ['name exactly one of applicantId, applicationId or villageId'] }],
      });
    }
    const { declaration, runs } = await this.dataSource.transaction(async (em) => {
      // The assignment locks of every round that can still change, first and in one order: an
      // engine run or a manager's add waits for the declaration (or the declaration for them), and
      // the audit head is taken last, as everywhere else.
      await this.changes.lockCompetitionAssignments(em, competitionId);
      const juror = await this.jury.lock(em, competitionId, jurorId);
      if (!juror) throw new DomainError(E.JUROR_NOT_FOUND);
      if (!(await this.jury.targetInCompetition(em, competitionId, input)))
        throw new DomainError(E.CONFLICT_TARGET_NOT_FOUND);
      // Declaring the same tie twice records it once (the membership lock orders concurrent declarations).
      const same = (await this.jury.declarations(competitionId, jurorId, em)).find(
        (d) =>
          d.applicantId === (input.applicantId ?? null) &&
          d.applicationId === (input.applicationId ?? null) &&
          d.villageId === (input.villageId ?? null),
      );
      if (same) return { declaration: same, runs: [] };
      const created = await this.jury.insertDeclaration(em, {
        competitionId,
        jurorId,
        applicantId: input.applicantId ?? null,
        applicationId: input.applicationId ?? null,
        villageId: input.villageId ?? null,
        kind: input.kind,
        note: input.note ?? '',
      });
      const recusals = await this.changes.recuseConflicted(em, jurorId, competitionId, created);
      await this.audit.record(em, {
        actorId: jurorId,
        action: 'conflict.declared',
        entityType: 'competition',
        entityId: competitionId,
        after: created,
      });
      return { declaration: created, runs: recusals };
    });
    await this.changes.enqueue(runs);
    return declaration;
  }

  async withdrawDeclaration(jurorId: string, competitionId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const juror = await this.jury.lock(em, competitionId, jurorId);
      if (!juror) throw new DomainError(E.JUROR_NOT_FOUND);
      if (!(await this.jury.declarations(competitionId, jurorId, em)).some((d) => d.id === id))
        throw new DomainError(E.DECLARATION_NOT_FOUND);
      if (juror.conflictsConfirmedAt) throw new DomainError(E.CONFLICTS_CONFIRMED);
      if (!(await this.jury.deleteDeclaration(em, competitionId, jurorId, id)))
        throw new DomainError(E.DECLARATION_NOT_FOUND);
      await this.audit.record(em, {
        actorId: jurorId,
        action: 'conflict.withdrawn',
        entityType: 'competition',
        entityId: competitionId,
        before: { id },
      });
    });
  }

  /** The juror confirms the declaration is complete; only then are they assigned and does the workspace open. */
  async confirm(jurorId: string, competitionId: string): Promise<CompetitionJuror> {
    return this.dataSource.transaction(async (em) => {
      const juror = await this.jury.lock(em, competitionId, jurorId);
      if (!juror) throw new DomainError(E.JUROR_NOT_FOUND);
      if (!juror.conflictsConfirmedAt) {
        await this.jury.confirm(em, competitionId, jurorId);
        const declarations = await this.jury.declarations(competitionId, jurorId, em);
        await this.audit.record(em, {
          actorId: jurorId,
          action: 'conflicts.confirmed',
          entityType: 'competition',
          entityId: competitionId,
          after: { declarations: declarations.length },
        });
      }
      return (await this.jury.find(competitionId, jurorId, em))!;
    });
  }
}
