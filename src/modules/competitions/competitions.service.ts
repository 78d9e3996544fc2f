import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { toMinor } from '../../common/money/money';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { CompetitionErrors } from './competitions.errors';
import { CompetitionsRepository } from './competitions.repository';
import { competitionAuditView, rulesOf } from './competition-view';
import { AwardRules, DEFAULT_AWARD_RULES } from './domain/award-rules';
import { CompetitionRules, EnvelopeRule, ruleProblems } from './domain/competition-rules';
import { canCompetition, COMPETITION_STATUSES, CompetitionStatus } from './domain/competition-status';
import { CreateCompetitionDto, UpdateCompetitionDto } from './dto/competition.dto';
import { AwardRulesDto } from './dto/competition-rules.dto';
import { Competition } from './entities/competition.entity';

interface Page {
  limit: number;
  offset: number;
}

/** Drafting and reading competitions; opening and closing live in CompetitionLifecycleService. */
@Injectable()
export class CompetitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string, input: CreateCompetitionDto): Promise<Competition> {
    return this.dataSource.transaction(async (em) => {
      const rules = mergeRules(input, {
        ...NEW_COMPETITION_DEFAULTS,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
      });
      await this.checkRules(em, rules);
      await this.checkCodeFree(em, input.code);
      const created = await this.competitions.insert(em, {
        ...scalarRules(rules),
        code: input.code,
        title: input.title,
        description: input.description ?? null,
        currency: input.currency ?? 'KZT',
        status: 'draft',
        createdBy: actorId,
      });
      return this.saveRulesAndAudit(em, actorId, created.id, input, null, 'competition.created');
    });
  }

  async update(actorId: string, id: string, input: UpdateCompetitionDto): Promise<Competition> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.competitions.lock(em, id);
      if (!before) throw new DomainError(CompetitionErrors.NOT_FOUND);
      if (!canCompetition('edit', before.status))
        throw new DomainError(CompetitionErrors.RULES_FROZEN, { status: before.status });
      const rules = mergeRules(input, rulesOf(before));
      await this.checkRules(em, rules);
      if (input.code !== undefined && input.code !== before.code) await this.checkCodeFree(em, input.code);
      await this.competitions.update(em, id, {
        ...scalarRules(rules),
        ...(input.code !== undefined && { code: input.code }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
      });
      return this.saveRulesAndAudit(em, actorId, id, input, before, 'competition.updated');
    });
  }

  async get(id: string): Promise<Competition> {
    const competition = await this.competitions.findById(id);
    if (!competition) throw new DomainError(CompetitionErrors.NOT_FOUND);
    return competition;
  }

  /** The public sees competitions once they open; drafts are the managers' business. */
  /** The competitions with these ids (those that exist), e.g. of an applicant's applications. */
  async getMany(ids: readonly string[]): Promise<Competition[]> {
    return this.competitions.findByIds(ids);
  }

  async getPublic(id: string): Promise<Competition> {
    const competition = await this.competitions.findById(id);
    if (!competition || competition.status === 'draft') throw new DomainError(CompetitionErrors.NOT_FOUND);
    return competition;
  }

  /** Staff see every status; without a status filter, all of them. */
  async list(status: CompetitionStatus | undefined, page: Page): Promise<[Competition[], number]> {
    return this.competitions.list({ ...page, statuses: status ? [status] : COMPETITION_STATUSES });
  }

  /** The public sees open competitions by default, and past ones on request; never drafts. */
  async listPublic(
    status: Exclude<CompetitionStatus, 'draft'> | undefined,
    page: Page,
  ): Promise<[Competition[], number]> {
    return this.competitions.list({ ...page, statuses: [status ?? 'open'] });
  }

  /** Open competitions in which a village may apply (its name is on their frozen eligibility list). */
  async listOpenInVillage(villageId: string, page: Page): Promise<[Competition[], number]> {
    return this.competitions.list({ ...page, statuses: ['open'], villageId });
  }

  /**
   * Checks the whole rule set a create or an edit would leave (so a PATCH of one field is checked
   * against the stored others) before anything is written: the table constraints would otherwise
   * refuse some mistakes first, without naming the fields.
   */
  private async checkRules(em: EntityManager, rules: CompetitionRules): Promise<void> {
    const eligible = await this.competitions.resolveEligibleVillages(
      em,
      rules.eligibleVillageIds,
      rules.eligibleDistrictIds,
    );
    const problems = ruleProblems(rules, new Set(eligible));
    if (problems.length > 0) throw new DomainError(CompetitionErrors.INVALID_RULES, { fields: problems });
  }

  /** Names the field when the code is taken; UQ_competitions_code gives the same answer to a race. */
  private async checkCodeFree(em: EntityManager, code: string): Promise<void> {
    if (await this.competitions.codeTaken(em, code))
      throw new DomainError(CompetitionErrors.CODE_TAKEN, {
        fields: [{ field: 'code', problems: [`the code ${code} belongs to another competition`] }],
      });
  }

  /** Writes the eligibility lists and envelopes (already checked), then audits the result. */
  private async saveRulesAndAudit(
    em: EntityManager,
    actorId: string,
    id: string,
    input: UpdateCompetitionDto,
    before: Competition | null,
    action: AuditAction,
  ): Promise<Competition> {
    await this.competitions.replaceEligibility(em, id, input.eligibleVillageIds, input.eligibleDistrictIds);
    const envelopes = envelopesOf(input);
    if (envelopes) await this.competitions.replaceEnvelopes(em, id, envelopes);
    return this.audit.recordReloaded(em, {
      actorId,
      action,
      entityType: 'competition',
      entityId: id,
      before: before && competitionAuditView(before),
      reload: (tx) => this.competitions.findById(id, tx),
      after: competitionAuditView,
    });
  }
}

const NEW_COMPETITION_DEFAULTS = {
  budget: 0n,
  minAward: 0n,
  maxAward: 0n,
  minOwnShareBp: 0,
  maxApplicationsPerApplicant: 1,
  eligibleVillageIds: [],
  eligibleDistrictIds: [],
  envelopes: [],
  awardRules: DEFAULT_AWARD_RULES,
};

/** The rule set a create or an edit would leave: what the request gives, else what is there. */
function mergeRules(input: UpdateCompetitionDto, base: CompetitionRules): CompetitionRules {
  return {
    budget: input.budget !== undefined ? toMinor(input.budget) : base.budget,
    minAward: input.minAward !== undefined ? toMinor(input.minAward) : base.minAward,
    maxAward: input.maxAward !== undefined ? toMinor(input.maxAward) : base.maxAward,
    minOwnShareBp: input.minOwnShareBp ?? base.minOwnShareBp,
    maxApplicationsPerApplicant: input.maxApplicationsPerApplicant ?? base.maxApplicationsPerApplicant,
    opensAt: input.opensAt ?? base.opensAt,
    closesAt: input.closesAt ?? base.closesAt,
    eligibleVillageIds: input.eligibleVillageIds ?? base.eligibleVillageIds,
    eligibleDistrictIds: input.eligibleDistrictIds ?? base.eligibleDistrictIds,
    envelopes: envelopesOf(input) ?? base.envelopes,
    awardRules: input.awardRules ? awardRulesOf(input.awardRules) : base.awardRules,
  };
}

/** The rules kept in the competition row itself (the lists live in their own tables). */
function scalarRules(rules: CompetitionRules) {
  const { eligibleVillageIds: _villages, eligibleDistrictIds: _districts, envelopes: _envelopes, ...scalars } = rules;
  return scalars;
}

function awardRulesOf(input: AwardRulesDto): AwardRules {
  return {
    trancheTemplate: input.trancheTemplate.map((t) => ({
      label: t.label,
      shareBp: t.shareBp,
      reportRequired: t.reportRequired,
      dueDays: t.dueDays ?? null,
    })),
    floors: input.floors?.map((f) => ({ districtId: f.districtId, grants: f.grants })) ?? [],
    partialMinShareBp: input.partialMinShareBp ?? null,
    acceptanceDays: input.acceptanceDays ?? DEFAULT_AWARD_RULES.acceptanceDays,
  };
}

function envelopesOf(input: UpdateCompetitionDto): EnvelopeRule[] | undefined {
  return input.envelopes?.map((e) => ({
    districtId: e.districtId ?? undefined,
    villageId: e.villageId ?? undefined,
    amount: toMinor(e.amount),
  }));
}
