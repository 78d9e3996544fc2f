import { INestApplicationContext } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Role } from '../common/auth/role';
import { CompetitionLifecycleService } from '../modules/competitions/competition-lifecycle.service';
import { CompetitionsService } from '../modules/competitions/competitions.service';
import { Competition } from '../modules/competitions/entities/competition.entity';
import { District } from '../modules/geography/entities/district.entity';
import { Region } from '../modules/geography/entities/region.entity';
import { Village } from '../modules/geography/entities/village.entity';
import { GeographyService } from '../modules/geography/geography.service';
import { DevelopmentPlan } from '../modules/plans/entities/development-plan.entity';
import { PlansService } from '../modules/plans/plans.service';
import { User } from '../modules/users/entities/user.entity';
import { UsersService } from '../modules/users/users.service';
import { DEMO_ACCOUNTS, DEMO_COMPETITION, DEMO_PASSWORD } from './demo-data/competition';
import { PLACES, PLANS } from './demo-data/places';
import { DemoText } from './demo-data/types';
import { confirmDemoAddress, ReviewDemoReport, seedReviewDemo } from './review-demo';

export interface SeedReport {
  accounts: { email: string; roles: readonly string[] }[];
  password: string;
  competitionId: string;
  /** The second competition, closed and in review: its panel (not yet confirmed) and draft Round 1. */
  review: ReviewDemoReport;
}

/**
 * Idempotent: every step looks for what it would create and skips it when present, so the run
 * command can seed on every start. All writes go through the services, so they are audited.
 */
export async function seedDemo(app: INestApplicationContext): Promise<SeedReport> {
  const db = app.get(DataSource).manager;
  const geography = app.get(GeographyService);
  const users = app.get(UsersService);

  let admin = await db.findOneBy(User, { email: DEMO_ACCOUNTS[0].email });
  admin ??= await users.create(
    {
      email: DEMO_ACCOUNTS[0].email,
      password: DEMO_PASSWORD,
      fullName: DEMO_ACCOUNTS[0].fullName,
      preferredLanguage: 'en',
      roles: ['admin'],
    },
    null,
  );

  const villages = new Map<string, string>();
  for (const place of PLACES) {
    let region = await findPlace(db, Region, 'regions', null, place.region);
    region ??= await geography.createRegion(admin.id, { name: place.region, katoCode: place.kato });
    // A demo seeded before the places had their codes (or their translations) gets them on the next start.
    if (!region.katoCode) region = await geography.updateRegion(admin.id, region.id, { katoCode: place.kato });
    if (!region.name.kk) region = await geography.updateRegion(admin.id, region.id, { name: place.region });
    for (const d of place.districts) {
      let district = await findPlace(db, District, 'districts', { region_id: region.id }, d.name);
      district ??= await geography.createDistrict(admin.id, { regionId: region.id, name: d.name, katoCode: d.kato });
      if (!district.katoCode && d.kato)
        district = await geography.updateDistrict(admin.id, district.id, { katoCode: d.kato });
      if (!district.name.kk) district = await geography.updateDistrict(admin.id, district.id, { name: d.name });
      for (const v of d.villages) {
        let village = await findPlace(db, Village, 'villages', { district_id: district.id }, v.name);
        if (village && !village.name.kk)
          village = await geography.updateVillage(admin.id, village.id, { name: v.name });
        village ??= await geography.createVillage(admin.id, {
          districtId: district.id,
          name: v.name,
          kind: v.kind ?? 'village',
          katoCode: v.kato,
        });
        if (!village.katoCode && v.kato)
          village = await geography.updateVillage(admin.id, village.id, { katoCode: v.kato });
        villages.set(v.name.en, village.id);
      }
    }
  }

  const plans = app.get(PlansService);
  const year = new Date().getFullYear();
  for (const plan of PLANS) {
    const villageId = villages.get(plan.village)!;
    if (await db.findOneBy(DevelopmentPlan, { villageId, status: 'adopted' })) continue;
    const draft = await plans.create(admin.id, villageId, {
      title: plan.title,
      periodStart: year,
      periodEnd: year + 4,
      goals: plan.goals,
    });
    await plans.adopt(admin.id, draft.id);
  }

  for (const account of DEMO_ACCOUNTS.slice(1)) {
    const homeVillage = 'homeVillage' in account ? villages.get(account.homeVillage) : undefined;
    const user =
      (await db.findOneBy(User, { email: account.email })) ??
      (await users.create(
        {
          email: account.email,
          password: DEMO_PASSWORD,
          fullName: account.fullName,
          preferredLanguage: 'ru',
          roles: [...account.roles] as Role[],
          homeVillageId: homeVillage,
        },
        admin.id,
      ));
    // The demo applicant can submit at once (submitting needs a confirmed address).
    if (user.roles.includes('applicant')) await confirmDemoAddress(app, admin.id, user);
  }

  const manager = await db.findOneByOrFail(User, { email: DEMO_ACCOUNTS[1].email });
  let competition = await db.findOneBy(Competition, { code: DEMO_COMPETITION.code });
  if (!competition) {
    const now = Date.now();
    const draft = await app.get(CompetitionsService).create(manager.id, {
      code: DEMO_COMPETITION.code,
      title: DEMO_COMPETITION.title,
      description: DEMO_COMPETITION.description,
      budget: DEMO_COMPETITION.budget,
      minAward: DEMO_COMPETITION.minAward,
      maxAward: DEMO_COMPETITION.maxAward,
      minOwnShareBp: DEMO_COMPETITION.minOwnShareBp,
      maxApplicationsPerApplicant: DEMO_COMPETITION.maxApplicationsPerApplicant,
      opensAt: new Date(now - 24 * 3600 * 1000),
      closesAt: new Date(now + DEMO_COMPETITION.openDays * 24 * 3600 * 1000),
      eligibleVillageIds: DEMO_COMPETITION.villages.map((name) => villages.get(name)!),
    });
    competition = await app.get(CompetitionLifecycleService).open(manager.id, draft.id);
  }

  const review = await seedReviewDemo({ adminId: admin.id, managerId: manager.id, password: DEMO_PASSWORD, villages });

  const accounts: SeedReport['accounts'] = DEMO_ACCOUNTS.map((a) => ({ email: a.email, roles: a.roles }));
  for (const a of review.accounts) if (!accounts.some((b) => b.email === a.email)) accounts.push(a);
  return { accounts, password: DEMO_PASSWORD, competitionId: competition.id, review };
}

/**
 * A demo place by its name in its parent: by any of its texts, or by the English name a demo
 * seeded before names were per language stored (the migration made it the Russian text).
 */
async function findPlace<T extends ObjectLiteral>(
  db: EntityManager,
  entity: EntityTarget<T>,
  table: 'regions' | 'districts' | 'villages',
  parent: Record<string, string> | null,
  name: DemoText,
): Promise<T | null> {
  const [column, parentId] = parent ? Object.entries(parent)[0] : [null, null];
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM ${table}
      WHERE ${column ? `${column} = $5 AND ` : '$5::uuid IS NULL AND '}
            (name->>'kk' = $1 OR name->>'ru' = $2 OR name->>'en' = $3 OR name->>'ru' = $4)
      ORDER BY id LIMIT 1`,
    [name.kk, name.ru, name.en, name.en, parentId],
  );
  return rows[0] ? db.findOneByOrFail(entity, { id: rows[0].id } as never) : null;
}
