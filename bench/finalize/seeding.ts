import { Client } from 'pg';
import { RoundMethod, RubricCriterion } from '../../src/modules/reviews/domain/rounds/round-method';

// The round finalize.bench.ts finalizes (and load/seed.ts reuses its method): seeded with SQL in bulk.

export const PER_APPLICATION = 3;
const VILLAGES_PER_DISTRICT = 10;
const DISTRICTS = 4;
const SECTORS = ['agriculture', 'tourism', 'crafts', 'services', 'trade', 'processing', 'other'];
/** Amounts in tiyn, as the schema stores them: awards 500,000..5,000,000 tenge, budget 500 million. */
const MIN_AWARD = 50_000_000n;
const MAX_AWARD = 500_000_000n;
export const BUDGET = 50_000_000_000n;

const criterion = (code: string, title: string, weight: number, max: number, min?: number): RubricCriterion => ({
  code,
  title: { en: title },
  description: { en: `${title}: how well the application meets it` },
  weight,
  max,
  descriptors: Array.from({ length: max + 1 }, (_, level) => ({ en: `${title} level ${level}` })),
  ...(min === undefined ? {} : { min }),
});

export const CRITERIA: RubricCriterion[] = [
  criterion('relevance', 'Relevance to the village plan', 25, 10),
  criterion('feasibility', 'Feasibility', 20, 10),
  criterion('impact', 'Jobs and local impact', 20, 10),
  criterion('budget', 'Budget soundness', 15, 5),
  criterion('team', 'Team and experience', 10, 5),
  criterion('sustainability', 'Sustainability', 10, 5, 1),
];

export function methodFor(n: number, jurors: number): RoundMethod {
  const average = (n * PER_APPLICATION) / jurors;
  return {
    criteria: CRITERIA,
    priorityCriterion: 'impact',
    jurorsPerApplication: PER_APPLICATION,
    minLoad: 0,
    maxLoad: Math.ceil(average * 1.5),
    quorum: 2,
    disputeSpread: 25,
    disputeMargin: 50,
    disputeMaxShare: 0.1,
    calibratedDecisive: true,
    advancement: { kind: 'top', n: Math.min(1000, Math.max(1, Math.floor(n / 10))) },
    blind: true,
  };
}

export interface Seeded {
  competitionId: string;
  roundId: string;
  seconds: number;
}

/**
 * The whole round with set-based SQL on one connection. `setseed` makes the random draws repeatable
 * (the uuids are not, so ties and the order of ids differ between runs).
 */
export async function seedRound(db: Client, n: number, jurors: number, method: RoundMethod): Promise<Seeded> {
  const started = performance.now();
  await db.query('SELECT setseed(0.4242)');
  const [region] = (await db.query<{ id: string }>(`INSERT INTO regions (name) VALUES ('Bench region') RETURNING id`))
    .rows;
  await db.query(
    `INSERT INTO districts (region_id, name) SELECT $1, 'Bench district ' || d FROM generate_series(1, $2::int) AS d`,
    [region.id, DISTRICTS],
  );
  await db.query(
    `INSERT INTO villages (district_id, name) SELECT d.id, d.name || ' village ' || v FROM districts d CROSS JOIN generate_series(1, $1::int) AS v`,
    [VILLAGES_PER_DISTRICT],
  );
  const [manager] = (
    await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, email_confirmed_at)
       VALUES ('bench-manager@example.kz', 'not-a-hash', 'Bench Manager', 'ru', '{manager}', now()) RETURNING id`,
    )
  ).rows;
  await db.query(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'juror-' || lpad(i::text, 5, '0') || '@example.kz', 'not-a-hash', 'Juror ' || i, (ARRAY['kk','ru','en'])[1 + i % 3], '{juror}', v.ids[1 + i % cardinality(v.ids)], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [jurors],
  );
  await db.query(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'applicant-' || lpad(i::text, 7, '0') || '@example.kz', 'not-a-hash', 'Applicant ' || i, (ARRAY['kk','ru','en'])[1 + i % 3], '{applicant}', v.ids[1 + i % cardinality(v.ids)], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [n],
  );
  const [competition] = (
    await db.query<{ id: string }>(
      `INSERT INTO competitions (code, title, description, budget, min_award, max_award, min_own_share_bp, opens_at, closes_at, status, opened_at, closed_at, created_by)
       VALUES ('BENCHFIN', 'Bench competition 2026', 'Finalizing benchmark', $1, $2, $3, 1000, now() - interval '90 days', now() - interval '60 days', 'closed',
               now() - interval '90 days', now() - interval '60 days', $4)
       RETURNING id`,
      [BUDGET.toString(), MIN_AWARD.toString(), MAX_AWARD.toString(), manager.id],
    )
  ).rows;
  await db.query('INSERT INTO competition_villages (competition_id, village_id) SELECT $1, id FROM villages', [
    competition.id,
  ]);
  await db.query(
    `INSERT INTO competition_jurors (competition_id, user_id, expertise, home_village_id, conflicts_confirmed_at, added_by)
     SELECT $1, id, ARRAY[($3::text[])[1 + abs(hashtext(email)) % 7]], home_village_id, now() - interval '30 days', $2 FROM users WHERE roles = '{juror}'`,
    [competition.id, manager.id, SECTORS],
  );
  await db.query(
    `INSERT INTO applications (competition_id, applicant_id, village_id, status, reference, reference_number, title, summary, description, sector,
                               requested_amount, own_contribution, jobs_created, planned_start, duration_months, created_by, submitted_at, created_at, updated_at)
     SELECT $1, u.id, u.home_village_id, 'in_review', 'SU-BENCHFIN-2026-' || lpad(u.rn::text, greatest(4, length(u.rn::text)), '0'), u.rn, 'Bench project ' || u.rn, 'A small business in the village',
            'Generated for the finalizing benchmark.', ($2::text[])[1 + u.rn % 7], r.requested, r.requested / 4, 1 + u.rn % 5, DATE '2027-04-01', 12, u.id,
            now() - interval '65 days', now() - interval '70 days', now() - interval '50 days'
       FROM (SELECT id, home_village_id, row_number() OVER (ORDER BY email)::int AS rn FROM users WHERE roles = '{applicant}') AS u,
            LATERAL (SELECT $3::bigint + floor(random() * 451)::bigint * 1000000 AS requested OFFSET 0) AS r`,
    [competition.id, SECTORS, MIN_AWARD.toString()],
  );
  await db.query(`INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, $2)`, [
    competition.id,
    n,
  ]);
  const [round] = (
    await db.query<{ id: string }>(
      `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalize_requested_at, created_by)
       VALUES ($1, 1, 'First round', 'closed', $2::jsonb, now() - interval '5 days', encode(sha256('bench-finalize'::bytea), 'hex'),
               now() - interval '45 days', now() - interval '5 days', now(), $3)
       RETURNING id`,
      [competition.id, JSON.stringify(method), manager.id],
    )
  ).rows;
  await db.query(
    'INSERT INTO round_applications (round_id, application_id) SELECT $1, id FROM applications WHERE competition_id = $2',
    [round.id, competition.id],
  );

  // Quality per application (0.15..0.9 of the scale), bias per juror (-0.15..0.15), three distinct
  // jurors per application (base + k * step mod J, 2 * step < J): a random, connected graph.
  await db.query(
    `CREATE TEMP TABLE bench_jurors AS
     SELECT (row_number() OVER (ORDER BY email) - 1)::int AS k, id, (random() - 0.5) * 0.3 AS bias FROM users WHERE roles = '{juror}'`,
  );
  await db.query('CREATE UNIQUE INDEX ON bench_jurors (k)');
  await db.query(
    `CREATE TEMP TABLE bench_applications AS
     SELECT id, 0.15 + random() * 0.75 AS quality, floor(random() * $2::int)::int AS base, 1 + floor(random() * (($2::int - 1) / 2))::int AS step
       FROM applications WHERE competition_id = $1`,
    [competition.id, jurors],
  );
  await db.query(
    `INSERT INTO assignments (round_id, application_id, juror_id, status, source, affinity, created_at)
     SELECT $1, a.id, j.id, 'active', 'engine', floor(random() * 13)::int, now() - interval '44 days'
       FROM bench_applications a CROSS JOIN generate_series(0, $3::int - 1) AS s JOIN bench_jurors j ON j.k = (a.base + s * a.step) % $2::int`,
    [round.id, jurors, PER_APPLICATION],
  );
  const scores = CRITERIA.map(
    (c) =>
      `'${c.code}', greatest(0, least(${c.max}, round((a.quality + j.bias + (random() - 0.5) * 0.2) * ${c.max})))::int`,
  ).join(', ');
  await db.query(
    `INSERT INTO scoresheets (assignment_id, round_id, application_id, juror_id, status, scores, comment, submitted_at, updated_at)
     SELECT s.id, s.round_id, s.application_id, s.juror_id, 'submitted', jsonb_build_object(${scores}), 'Generated',
            now() - interval '6 days' - random() * interval '30 days', now() - interval '6 days'
       FROM assignments s JOIN bench_applications a ON a.id = s.application_id JOIN bench_jurors j ON j.id = s.juror_id
      WHERE s.round_id = $1`,
    [round.id],
  );
  await db.query('DROP TABLE bench_jurors, bench_applications');
  // As a database that has lived a while would be: statistics gathered, hint bits set, no checkpoint due.
  await db.query(
    'VACUUM (ANALYZE) users, competitions, applications, review_rounds, round_applications, assignments, scoresheets, notifications, round_results, application_status_changes',
  );
  await db.query('CHECKPOINT').catch(() => undefined);
  return { competitionId: competition.id, roundId: round.id, seconds: (performance.now() - started) / 1000 };
}
