import { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { SECTORS } from '../../src/modules/applications/domain/application-status';
import { CompetitionLifecycleService } from '../../src/modules/competitions/competition-lifecycle.service';
import { CompetitionsService } from '../../src/modules/competitions/competitions.service';
import { CreateCompetitionDto } from '../../src/modules/competitions/dto/competition.dto';
import { GeographyService } from '../../src/modules/geography/geography.service';
import { PlansService } from '../../src/modules/plans/plans.service';
import { UsersService } from '../../src/modules/users/users.service';

const DAY = 24 * 3600 * 1000;
const VILLAGES = 20;
const DISTRICTS = 4;
export const GOALS_PER_PLAN = 3;
/** Titles of the seeded listing rows; "smoke" (the text search) is in about one in twelve. */
const PHRASES = [
  'Guest house by the sea',
  'Bakery "Nan"',
  'Fish smokehouse',
  'Sewing workshop',
  'Greenhouse vegetables',
  'Car repair shop',
  'Felt crafts studio',
  'Dairy processing',
  'Apiary and honey',
  'Mini hotel',
  'Қонақ үй',
  'Pharmacy kiosk',
];

export interface Draft {
  id: string;
  applicantId: string;
  villageId: string;
  goalId: string;
  token: string;
}

/** A complete application (test/applications.e2e-spec.ts): 2,000,000 tenge asked, 500,000 own (20%). */
export const completeDraft = (goalId: string, i: number) => ({
  title: `Guest house by the sea #${i}`,
  summary: 'Four rooms for visitors to the coast',
  description: 'Renovate a family house into a guest house.',
  sector: 'tourism',
  goals: [{ goalId, contribution: 'Brings visitors and work to the village' }],
  requestedAmount: '200000000',
  ownContribution: '50000000',
  budgetLines: [
    { category: 'renovation', description: 'Rooms', amount: '150000000', source: 'grant' },
    { category: 'equipment', amount: '50000000', source: 'grant' },
    { category: 'furniture', amount: '50000000', source: 'own' },
  ],
  jobsCreated: 3,
  plannedStart: '2027-04-01',
  durationMonths: 12,
});

/**
 * Places, one adopted plan per village, and two open competitions: one that takes the submissions,
 * one for the large listing, made through the services by an admin and a manager.
 */
export async function seedPlacesAndCompetitions(app: INestApplication) {
  const users = app.get(UsersService);
  const staff = await users.create(
    {
      email: 'bench-admin@example.kz',
      password: 'bench-password-1',
      fullName: 'Bench Admin',
      preferredLanguage: 'ru',
      roles: ['admin'],
    },
    null,
  );
  const manager = await users.create(
    {
      email: 'bench-manager@example.kz',
      password: 'bench-password-1',
      fullName: 'Bench Manager',
      preferredLanguage: 'ru',
      roles: ['manager'],
    },
    null,
  );
  const geography = app.get(GeographyService);
  const plans = app.get(PlansService);
  const region = await geography.createRegion(staff.id, { name: { en: 'Bench region' } });
  const villageIds: string[] = [];
  const goalsByVillage = new Map<string, string[]>();
  for (let d = 0; d < DISTRICTS; d += 1) {
    const district = await geography.createDistrict(staff.id, {
      regionId: region.id,
      name: { en: `Bench district ${d}` },
    });
    for (let v = 0; v < VILLAGES / DISTRICTS; v += 1) {
      const village = await geography.createVillage(staff.id, {
        districtId: district.id,
        name: { en: `Bench village ${d}-${v}` },
      });
      const draftPlan = await plans.create(staff.id, village.id, {
        title: 'Development plan',
        periodStart: 2026,
        periodEnd: 2030,
        goals: Array.from({ length: GOALS_PER_PLAN }, (_, g) => ({
          code: `G${g + 1}`,
          title: { en: `Goal ${g + 1}` },
          priority: g + 1,
        })),
      });
      const plan = await plans.adopt(staff.id, draftPlan.id);
      villageIds.push(village.id);
      goalsByVillage.set(
        village.id,
        [...(plan.goals ?? [])].sort((x, y) => x.code.localeCompare(y.code)).map((g) => g.id),
      );
    }
  }
  const competitions = app.get(CompetitionsService);
  const lifecycle = app.get(CompetitionLifecycleService);
  const intake = await lifecycle.open(
    manager.id,
    (await competitions.create(manager.id, competitionInput(villageIds, 'BENCHIN', 'Bench intake'))).id,
  );
  const listed = await lifecycle.open(
    manager.id,
    (await competitions.create(manager.id, competitionInput(villageIds, 'BENCHLI', 'Bench listing'))).id,
  );
  return { manager, villageIds, goalsByVillage, intake, listed };
}

/**
 * Drafts with the content completeDraft() sends, written with SQL as the drafts service writes them
 * (row, goals, budget lines, first history entry), for the applicants of the pg runs.
 */
export async function insertDrafts(
  pool: Pool,
  competitionId: string,
  applicants: { applicantId: string; villageId: string; goalId: string; i: number }[],
): Promise<Draft[]> {
  const body = completeDraft('', 0);
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const { rows } = await db.query<{ id: string; applicant_id: string }>(
      `INSERT INTO applications (competition_id, applicant_id, village_id, status, title, summary, description, sector, requested_amount,
                                 own_contribution, jobs_created, planned_start, duration_months, created_by)
       SELECT $1, s.applicant_id, s.village_id, 'draft', 'Guest house by the sea #' || s.i, $5, $6, $7, $8, $9, $10, $11, $12, s.applicant_id
         FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS s(applicant_id, village_id, i)
       RETURNING id, applicant_id`,
      [
        competitionId,
        applicants.map((a) => a.applicantId),
        applicants.map((a) => a.villageId),
        applicants.map((a) => a.i),
        body.summary,
        body.description,
        body.sector,
        body.requestedAmount,
        body.ownContribution,
        body.jobsCreated,
        body.plannedStart,
        body.durationMonths,
      ],
    );
    const idOf = new Map(rows.map((r) => [r.applicant_id, r.id]));
    const ids = applicants.map((a) => idOf.get(a.applicantId)!);
    await db.query(
      `INSERT INTO application_goals (application_id, goal_id, position, contribution) SELECT id, goal_id, 0, $3 FROM unnest($1::uuid[], $2::uuid[]) AS s(id, goal_id)`,
      [ids, applicants.map((a) => a.goalId), body.goals[0].contribution],
    );
    await db.query(
      `INSERT INTO budget_lines (application_id, position, category, description, amount, source)
       SELECT id, l.position, l.category, l.description, l.amount, l.source
         FROM unnest($1::uuid[]) AS id
         CROSS JOIN unnest($2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS l(position, category, description, amount, source)`,
      [
        ids,
        body.budgetLines.map((_, position) => position),
        body.budgetLines.map((l) => l.category),
        body.budgetLines.map((l) => l.description ?? ''),
        body.budgetLines.map((l) => l.amount),
        body.budgetLines.map((l) => l.source),
      ],
    );
    await db.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id) SELECT id, NULL, 'draft', actor FROM unnest($1::uuid[], $2::uuid[]) AS s(id, actor)`,
      [ids, applicants.map((a) => a.applicantId)],
    );
    await db.query('COMMIT');
    return applicants.map((a, k) => ({ ...a, id: ids[k], token: '' }));
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    db.release();
  }
}

function competitionInput(villageIds: string[], code: string, title: string): CreateCompetitionDto {
  return Object.assign(new CreateCompetitionDto(), {
    code,
    title,
    description: 'Benchmark competition',
    budget: '100000000000000',
    minAward: '50000000',
    maxAward: '300000000',
    minOwnShareBp: 2000,
    maxApplicationsPerApplicant: 1,
    opensAt: new Date(Date.now() - DAY),
    closesAt: new Date(Date.now() + 30 * DAY),
    eligibleVillageIds: villageIds,
  });
}

/**
 * 100,000 (or --rows) submitted applications in one competition, one per applicant, spread at random
 * (fixed seed) over the villages, sectors and title phrases, each with one or two goals of its
 * village's plan and three budget lines.
 */
export async function seedListing(
  db: Client,
  competitionId: string,
  villageIds: string[],
  rows: number,
): Promise<void> {
  await db.query('BEGIN');
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `CREATE TEMP TABLE seed ON COMMIT DROP AS
     SELECT i, gen_random_uuid() AS user_id, gen_random_uuid() AS app_id,
            ($1::uuid[])[1 + floor(random() * $2)::int] AS village_id,
            ($3::text[])[1 + floor(random() * $4)::int] AS sector,
            ($5::text[])[1 + floor(random() * $6)::int] AS phrase,
            floor(random() * $7)::int AS goal,
            random() < 0.5 AS two_goals,
            (10 + floor(random() * 20)::int) * 10000000::bigint AS requested
       FROM generate_series(1, $8::int) AS i`,
    [villageIds, villageIds.length, SECTORS, SECTORS.length, PHRASES, PHRASES.length, GOALS_PER_PLAN, rows],
  );
  await db.query(
    `INSERT INTO users (id, email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT user_id, 'listed-' || i || '@example.kz', 'not-a-hash', 'Applicant ' || i, 'ru', '{applicant}', village_id, now() FROM seed`,
  );
  await db.query(
    `INSERT INTO applications (id, competition_id, applicant_id, village_id, status, reference, reference_number, title, summary, description,
                               sector, requested_amount, own_contribution, jobs_created, planned_start, duration_months, created_by,
                               submitted_at, created_at, updated_at)
     SELECT app_id, $1, user_id, village_id, 'submitted', 'SU-BENCHLI-2026-' || lpad(i::text, greatest(4, length(i::text)), '0'), i, phrase || ' ' || i,
            'Summary of ' || lower(phrase) || ' for the village', 'A longer description of the initiative number ' || i,
            sector, requested, requested / 4, 1 + i % 5, DATE '2027-04-01', 12, user_id,
            now() - make_interval(secs => ($2::int - i) * 10), now() - make_interval(secs => ($2::int - i) * 10 + 3600), now()
       FROM seed`,
    [competitionId, rows],
  );
  await db.query(
    `INSERT INTO application_goals (application_id, goal_id, position, contribution)
     SELECT s.app_id, g.id, CASE WHEN g.code = 'G' || (1 + s.goal) THEN 0 ELSE 1 END, 'Supports the goal'
       FROM seed s
       JOIN development_plans p ON p.village_id = s.village_id AND p.status = 'adopted'
       JOIN plan_goals g ON g.plan_id = p.id
      WHERE g.code = 'G' || (1 + s.goal) OR (s.two_goals AND g.code = 'G' || (1 + (s.goal + 1) % $1))`,
    [GOALS_PER_PLAN],
  );
  await db.query(
    `INSERT INTO budget_lines (application_id, position, category, description, amount, source)
     SELECT app_id, 0, 'equipment', 'Machines', requested * 3 / 4, 'grant' FROM seed
     UNION ALL SELECT app_id, 1, 'renovation', 'Premises', requested - requested * 3 / 4, 'grant' FROM seed
     UNION ALL SELECT app_id, 2, 'own', 'Own funds', requested / 4, 'own' FROM seed`,
  );
  await db.query(`INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, $2)`, [
    competitionId,
    rows,
  ]);
  await db.query('COMMIT');
  await db.query('ANALYZE');
}
