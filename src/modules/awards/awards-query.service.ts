import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AwardListingsRepository } from './award-listings.repository';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { AwardStatus } from './domain/award-status';
import { AwardDto } from './dto/award.dto';
import { Award } from './entities/award.entity';
import { Tranche } from './entities/tranche.entity';
import { TranchesRepository } from './tranches.repository';

const STAFF = ['manager', 'finance', 'observer', 'admin'] as const;
export const isStaff = (actor: AuthUser): boolean => actor.roles.some((r) => (STAFF as readonly string[]).includes(r));

/** Reading awards: staff see every award; a grantee sees only their own, and only once approved. */
@Injectable()
export class AwardsQueryService {
  constructor(
    private readonly awards: AwardsRepository,
    private readonly tranches: TranchesRepository,
    private readonly listings: AwardListingsRepository,
  ) {}

  async get(actor: AuthUser, id: string): Promise<AwardDto> {
    const award = await this.awards.find(id);
    if (!award) throw new DomainError(E.AWARD_NOT_FOUND);
    const [view] = await this.views([award], actor);
    if (!view) throw new DomainError(E.AWARD_NOT_FOUND);
    return view;
  }

  async listByCompetition(
    actor: AuthUser,
    competitionId: string,
    status: AwardStatus | undefined,
    limit: number,
    offset: number,
  ): Promise<[AwardDto[], number]> {
    const [awards, total] = await this.listings.listByCompetition(
      competitionId,
      status ? [status] : undefined,
      limit,
      offset,
    );
    return [await this.views(awards, actor), total];
  }

  /** Whether the actor may see the award: staff any, a grantee their own once it is offered; false when there is none. */
  async isVisibleTo(actor: AuthUser, id: string): Promise<boolean> {
    const award = await this.awards.find(id);
    if (!award) return false;
    if (isStaff(actor)) return true;
    const applicant = (await this.listings.applicationSummaries([award.applicationId])).get(award.applicationId);
    return award.status !== 'proposed' && applicant?.applicantId === actor.id;
  }

  async mine(actor: AuthUser, limit: number, offset: number): Promise<[AwardDto[], number]> {
    const [awards, total] = await this.listings.listByApplicant(actor.id, limit, offset);
    return [await this.views(awards, actor), total];
  }

  /** Views of the awards the actor may see, in the order given. */
  async views(awards: Award[], actor: AuthUser): Promise<AwardDto[]> {
    const staff = isStaff(actor);
    const applications = await this.listings.applicationSummaries([...new Set(awards.map((a) => a.applicationId))]);
    const visible = awards.filter(
      (a) => staff || (a.status !== 'proposed' && applications.get(a.applicationId)?.applicantId === actor.id),
    );
    const tranchesOf = new Map<string, Tranche[]>();
    for (const t of await this.tranches.tranches(visible.map((a) => a.id)))
      tranchesOf.set(t.awardId, [...(tranchesOf.get(t.awardId) ?? []), t]);
    return visible.map((a) => AwardDto.from(a, applications.get(a.applicationId)!, tranchesOf.get(a.id) ?? [], staff));
  }
}
