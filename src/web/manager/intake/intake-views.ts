import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { CompetitionErrors } from '../../../modules/competitions/competitions.errors';
import { CompetitionsService } from '../../../modules/competitions/competitions.service';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { GeographyRepository } from '../../../modules/geography/geography.repository';
import { Contact } from '../../../modules/users/domain/contact';
import { User } from '../../../modules/users/entities/user.entity';
import { UsersQueryService } from '../../../modules/users/users-query.service';
import { ContentText } from '../../i18n/content';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An applicant account found at the desk, as the manager sees it to tell people apart. */
export interface FoundApplicant {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  homeVillageId: string | null;
  homeVillage: ContentText | null;
}

export interface IntakeData {
  competition: Competition;
  /** The competition's eligible villages, for the draft's village. */
  villages: { id: string; name: ContentText }[];
}

/** What the intake pages read, from the services the JSON API calls; no rule of its own. */
@Injectable()
export class IntakeViews {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly geography: GeographyRepository,
    private readonly users: UsersQueryService,
  ) {}

  async competition(id: string): Promise<IntakeData> {
    if (!UUID.test(id)) throw new DomainError(CompetitionErrors.NOT_FOUND);
    const competition = await this.competitions.get(id);
    const ids = (competition.eligibleVillages ?? []).map((v) => v.villageId);
    const villages = await this.geography.findVillagesWithDistricts(ids);
    return { competition, villages: villages.map((v) => ({ id: v.id, name: v.name })) };
  }

  async find(contact: Contact): Promise<FoundApplicant[]> {
    return this.described(await this.users.findApplicantsByContact(contact));
  }

  /** One applicant again (a refused start shows who was chosen), or none. */
  async applicant(id: string): Promise<FoundApplicant[]> {
    if (!UUID.test(id)) return [];
    const user = await this.users.findById(id);
    return user?.active && user.roles.includes('applicant') ? this.described([user]) : [];
  }

  private async described(users: User[]): Promise<FoundApplicant[]> {
    const homeIds = [...new Set(users.map((u) => u.homeVillageId).filter((v): v is string => v !== null))];
    const names = new Map((await this.geography.findVillagesWithDistricts(homeIds)).map((v) => [v.id, v.name]));
    return users.map((u) => ({
      id: u.id,
      name: u.fullName,
      email: u.email,
      phone: u.phone,
      homeVillageId: u.homeVillageId,
      homeVillage: (u.homeVillageId && names.get(u.homeVillageId)) || null,
    }));
  }
}
