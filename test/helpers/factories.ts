import { Language } from '../../src/common/i18n/language';
import { randomUUID } from 'node:crypto';
import { AccessTokens } from '../../src/common/auth/access-tokens';
import { Role } from '../../src/common/auth/role';
import { CompetitionLifecycleService } from '../../src/modules/competitions/competition-lifecycle.service';
import { CompetitionsService } from '../../src/modules/competitions/competitions.service';
import { CreateCompetitionDto } from '../../src/modules/competitions/dto/competition.dto';
import { Competition } from '../../src/modules/competitions/entities/competition.entity';
import { GeographyService } from '../../src/modules/geography/geography.service';
import { DevelopmentPlan } from '../../src/modules/plans/entities/development-plan.entity';
import { PlansService } from '../../src/modules/plans/plans.service';
import { User } from '../../src/modules/users/entities/user.entity';
import { UsersService } from '../../src/modules/users/users.service';
import { TestContext } from './test-app';

export const PASSWORD = 'correct-horse-battery';

export interface TestUser {
  user: User;
  token: string;
  auth: { Authorization: string };
}

export async function createUser(
  ctx: TestContext,
  overrides: { roles?: Role[]; email?: string; homeVillageId?: string; preferredLanguage?: Language } = {},
): Promise<TestUser> {
  const user = await ctx.app.get(UsersService).create(
    {
      email: overrides.email ?? `user-${randomUUID()}@example.kz`,
      password: PASSWORD,
      fullName: 'Test Person',
      phone: '+77010000000',
      preferredLanguage: overrides.preferredLanguage ?? 'kk',
      homeVillageId: overrides.homeVillageId ?? null,
      roles: overrides.roles ?? ['applicant'],
    },
    null,
  );
  const token = ctx.app.get(AccessTokens).sign({ id: user.id, roles: user.roles });
  return { user, token, auth: { Authorization: `Bearer ${token}` } };
}

/** One of each role, plus a second manager and a second applicant for four-eyes and ownership checks. */
export async function createCast(ctx: TestContext) {
  const [admin, manager, manager2, juror, finance, observer, applicant, applicant2] = await Promise.all([
    createUser(ctx, { roles: ['admin'] }),
    createUser(ctx, { roles: ['manager'] }),
    createUser(ctx, { roles: ['manager'] }),
    createUser(ctx, { roles: ['juror'] }),
    createUser(ctx, { roles: ['finance'] }),
    createUser(ctx, { roles: ['observer'] }),
    createUser(ctx, { roles: ['applicant'] }),
    createUser(ctx, { roles: ['applicant'] }),
  ]);
  return { admin, manager, manager2, juror, finance, observer, applicant, applicant2 };
}
export type Cast = Awaited<ReturnType<typeof createCast>>;

export interface Places {
  regionId: string;
  districtId: string;
  villageIds: string[];
}

export async function createPlaces(ctx: TestContext, actorId: string, villages = 2): Promise<Places> {
  const geography = ctx.app.get(GeographyService);
  const tag = randomUUID().slice(0, 8);
  const region = await geography.createRegion(actorId, { name: { en: `Region ${tag}` } });
  const district = await geography.createDistrict(actorId, { regionId: region.id, name: { en: `District ${tag}` } });
  const villageIds: string[] = [];
  for (let i = 0; i < villages; i += 1) {
    villageIds.push(
      (await geography.createVillage(actorId, { districtId: district.id, name: { en: `Village ${tag}-${i}` } })).id,
    );
  }
  return { regionId: region.id, districtId: district.id, villageIds };
}

export async function createAdoptedPlan(
  ctx: TestContext,
  actorId: string,
  villageId: string,
): Promise<DevelopmentPlan> {
  const plans = ctx.app.get(PlansService);
  const draft = await plans.create(actorId, villageId, {
    title: 'Plan',
    periodStart: 2026,
    periodEnd: 2030,
    goals: [
      { code: 'G1', title: { en: 'Water' }, priority: 1 },
      { code: 'G2', title: { en: 'Youth jobs' }, priority: 2 },
    ],
  });
  return plans.adopt(actorId, draft.id);
}

const DAY = 24 * 3600 * 1000;

/** A fresh competition short code (T and seven hexadecimal capitals): codes are unique across the service. */
export function competitionCode(): string {
  return `T${randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}`;
}

export function competitionInput(
  villageIds: string[],
  overrides: Partial<CreateCompetitionDto> = {},
): CreateCompetitionDto {
  return Object.assign(new CreateCompetitionDto(), {
    code: competitionCode(),
    title: { en: 'Start Up test' },
    description: { en: 'A test competition' },
    budget: '1000000000',
    minAward: '10000000',
    maxAward: '300000000',
    minOwnShareBp: 2000,
    maxApplicationsPerApplicant: 1,
    opensAt: new Date(Date.now() - DAY),
    closesAt: new Date(Date.now() + 30 * DAY),
    eligibleVillageIds: villageIds,
    ...overrides,
  });
}

export async function createCompetition(
  ctx: TestContext,
  managerId: string,
  villageIds: string[],
  overrides: Partial<CreateCompetitionDto> & { open?: boolean } = {},
): Promise<Competition> {
  const { open, ...fields } = overrides;
  const draft = await ctx.app.get(CompetitionsService).create(managerId, competitionInput(villageIds, fields));
  return open ? ctx.app.get(CompetitionLifecycleService).open(managerId, draft.id) : draft;
}
