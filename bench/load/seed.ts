import { Client } from 'pg';
import { SECTORS } from '../../src/modules/applications/domain/application-status';
import { RoundMethod } from '../../src/modules/reviews/domain/rounds/round-method';
import { methodFor } from '../finalize/seeding';

/**
 * A national-scale-ish programme, written with set-based SQL in a few seconds:
 *
 * - 4 regions x 5 districts x 10 villages, each village with an adopted plan of 3 goals;
 * - "open": a competition accepting applications from all 20 districts (their 200 villages), with a
 *   budget envelope per district, N submitted applications and N/4 drafts;
 * - "review": a closed competition with N applications in review and an open blind round of 6
 *   criteria, 3 jurors per application, about 40% of the scoresheets already submitted;
 * - "past": a finalized competition of N/2 applications (round results, scoresheets, awards with
 *   their tranches for the best ranked that the budget funds);
 * - applicants 1..N apply to all three (1..N/2 to the past one), the next N/4 hold the drafts,
 *   and `fresh` more confirmed applicants have not applied yet: they create and submit during the run;
 * - N/20 jurors (at least 30) on both panels, conflicts confirmed; 5 managers and an observer.
 */
export interface LoadData {
  openId: string;
  reviewId: string;
  reviewRoundId: string;
  pastId: string;
  pastRoundId: string;
  method: RoundMethod;
  managers: string[];
  observer: string;
  villageIds: string[];
  districtIds: string[];
  /** Applicants with applications, and the ids of their applications (newest competition first). */
  applicants: { id: string; applications: string[] }[];
  /** Applicants who have not applied to the open competition, with a goal of their village's adopted plan. */
  fresh: { id: string; goalId: string }[];
  /** Jurors of the open round with their active assignments there. */
  jurors: { id: string; assignments: string[] }[];
  counts: Record<string, number>;
  seconds: number;
}

const REGIONS = 4;
const DISTRICTS_PER_REGION = 5;
const VILLAGES_PER_DISTRICT = 10;
/** Amounts in tiyn: awards of 500,000..3,000,000 tenge; own share at least 20%. */
const MIN_AWARD = 50_000_000;
const MAX_AWARD = 300_000_000;
const PHRASES = [
  'Guest house',
  'Bakery',
  'Fish smokehouse',
  'Sewing workshop',
  'Greenhouse',
  'Car repair',
  'Felt crafts',
  'Dairy',
  'Apiary',
  'Mini hotel',
  'Қонақ үй',
  'Pharmacy kiosk',
];

export async function seedLoad(db: Client, n: number, fresh: number): Promise<LoadData> {
  const started = performance.now();
  const q = async <T = Record<string, string>>(sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)).rows as T[];
  const jurorCount = Math.max(30, Math.round(n / 20));
  const drafts = Math.floor(n / 4);
  const past = Math.floor(n / 2);
  const method = methodFor(n, jurorCount);
  const pastMethod = methodFor(past, jurorCount);

  await q('BEGIN');
  await q('SELECT setseed(0.2027)');
  await q(`INSERT INTO regions (name) SELECT 'Load region ' || r FROM generate_series(1, $1::int) AS r`, [REGIONS]);
  await q(
    `INSERT INTO districts (region_id, name) SELECT r.id, r.name || ' district ' || d FROM regions r, generate_series(1, $1::int) AS d`,
    [DISTRICTS_PER_REGION],
  );
  await q(
    `INSERT INTO villages (district_id, name) SELECT d.id, d.name || ' village ' || v FROM districts d, generate_series(1, $1::int) AS v`,
    [VILLAGES_PER_DISTRICT],
  );
  await q(
    `INSERT INTO development_plans (village_id, version, title, period_start, period_end, status, adopted_at)
     SELECT id, 1, 'Village development plan 2026-2030', 2026, 2030, 'adopted', now() - interval '300 days' FROM villages`,
  );
  await q(
    `INSERT INTO plan_goals (plan_id, code, title, description, priority)
     SELECT p.id, 'G' || g, (ARRAY['Jobs for young people','Tourism on the coast','Local food processing'])[g], 'A goal of the village plan', g
       FROM development_plans p, generate_series(1, 3) AS g`,
  );
  const staff = await q<{ id: string; roles: string[] }>(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, email_confirmed_at)
     SELECT 'load-manager-' || i || '@example.kz', 'not-a-hash', 'Manager ' || i, 'ru', '{manager}'::text[], now() FROM generate_series(1, 5) AS i
     UNION ALL SELECT 'load-observer@example.kz', 'not-a-hash', 'Observer', 'ru', '{observer}'::text[], now()
     RETURNING id, roles`,
  );
  await q(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'load-juror-' || lpad(i::text, 5, '0') || '@example.kz', 'not-a-hash', 'Juror ' || i, (ARRAY['kk','ru','en'])[1 + i % 3], '{juror}', v.ids[1 + i % cardinality(v.ids)], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [jurorCount],
  );
  await q(
    `INSERT INTO users (email, password_hash, full_name, preferred_language, roles, home_village_id, email_confirmed_at)
     SELECT 'load-applicant-' || lpad(i::text, 7, '0') || '@example.kz', 'not-a-hash', 'Applicant ' || i, (ARRAY['kk','ru','en'])[1 + i % 3], '{applicant}',
            v.ids[1 + floor(random() * cardinality(v.ids))::int], now()
       FROM generate_series(1, $1::int) AS i, (SELECT array_agg(id ORDER BY name) AS ids FROM villages) AS v`,
    [n + drafts + fresh],
  );
  await q(
    `CREATE TEMP TABLE pop ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY email)::int AS k, id, home_village_id AS village_id FROM users WHERE roles = '{applicant}'`,
  );
  const [manager, approver] = staff.filter((s) => s.roles.includes('manager')).map((s) => s.id);
  const competition = async (
    code: string,
    title: string,
    status: string,
    opens: string,
    closes: string,
    budget: number,
  ) => {
    const [row] = await q<{ id: string }>(
      `INSERT INTO competitions (code, title, description, budget, min_award, max_award, min_own_share_bp, max_applications_per_applicant, opens_at, closes_at, status, opened_at, closed_at, created_by)
       VALUES ($9, $1, 'Grants for village businesses that serve the village development plan', $2, $3, $4, 2000, 1, now() + $5::interval, now() + $6::interval, $7,
               now() + $5::interval, CASE WHEN $7 <> 'open' THEN now() + $6::interval END, $8) RETURNING id`,
      [title, budget, MIN_AWARD, MAX_AWARD, opens, closes, status, manager, code],
    );
    await q('INSERT INTO competition_villages (competition_id, village_id) SELECT $1, id FROM villages', [row.id]);
    return row.id;
  };
  const openId = await competition('LOAD27', 'Start Up 2027', 'open', '-10 days', '20 days', 1_000_000 * MAX_AWARD);
  // A national call is open to whole districts (resolved to their villages at opening), with a budget envelope per district.
  await q('INSERT INTO competition_districts (competition_id, district_id) SELECT $1, id FROM districts', [openId]);
  await q(
    'INSERT INTO competition_envelopes (competition_id, district_id, amount) SELECT $1, id, $2::bigint / (SELECT count(*) FROM districts) FROM districts',
    [openId, 1_000_000 * MAX_AWARD],
  );
  const reviewId = await competition(
    'LOAD26',
    'Start Up 2026 (in review)',
    'closed',
    '-70 days',
    '-20 days',
    200 * MAX_AWARD,
  );
  const pastId = await competition(
    'LOAD25',
    'Start Up 2025',
    'finalized',
    '-400 days',
    '-370 days',
    Math.max(10, Math.floor(past / 10)) * 200_000_000,
  );

  // Applications of the three competitions: open (N submitted + N/4 drafts), review (N), past (N/2).
  await q(
    `CREATE TEMP TABLE apps ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, s.competition_id, p.id AS applicant_id, p.village_id, s.status, s.number, s.submitted_at,
            ($1::text[])[1 + floor(random() * 7)::int] AS sector, ($2::text[])[1 + floor(random() * $3::int)::int] || ' ' || p.k AS title,
            (10 + floor(random() * 20)::int) * 10000000::bigint AS requested, 1 + floor(random() * 3)::int AS goal, random() < 0.5 AS two_goals,
            random() AS quality
       FROM pop p CROSS JOIN LATERAL (
            SELECT $4::uuid, CASE WHEN p.k <= $7::int THEN 'submitted' ELSE 'draft' END, CASE WHEN p.k <= $7::int THEN p.k END,
                   CASE WHEN p.k <= $7::int THEN now() - interval '9 days' + p.k * interval '1 minute' END WHERE p.k <= $7::int + $8::int
            UNION ALL SELECT $5::uuid, 'in_review', p.k, now() - interval '30 days' + p.k * interval '1 minute' WHERE p.k <= $7::int
            UNION ALL SELECT $6::uuid, 'not_awarded', p.k, now() - interval '380 days' + p.k * interval '1 minute' WHERE p.k <= $9::int) AS s(competition_id, status, number, submitted_at)`,
    [SECTORS, PHRASES, PHRASES.length, openId, reviewId, pastId, n, drafts, past],
  );
  await q(
    `INSERT INTO applications (id, competition_id, applicant_id, village_id, status, reference, reference_number, title, summary, description, sector,
                               requested_amount, own_contribution, jobs_created, planned_start, duration_months, created_by, submitted_at, created_at, updated_at)
     SELECT a.id, a.competition_id, a.applicant_id, a.village_id, a.status,
            CASE WHEN a.number IS NOT NULL THEN 'SU-' || CASE a.competition_id WHEN $1 THEN 'LOAD27-2027' WHEN $2 THEN 'LOAD26-2026' ELSE 'LOAD25-2025' END || '-' || lpad(a.number::text, 4, '0') END,
            a.number, a.title, 'A small business that brings work to the village', 'What the grant buys, who works there and how it pays back.', a.sector,
            a.requested, a.requested / 4, 1 + floor(a.quality * 5)::int, DATE '2027-04-01', 12, a.applicant_id,
            a.submitted_at, coalesce(a.submitted_at, now()) - interval '2 days', coalesce(a.submitted_at, now())
       FROM apps a`,
    [openId, reviewId],
  );
  await q(
    `INSERT INTO application_goals (application_id, goal_id, position, contribution)
     SELECT a.id, g.id, CASE WHEN g.code = 'G' || a.goal THEN 0 ELSE 1 END, 'Supports the goal of the plan'
       FROM apps a JOIN development_plans p ON p.village_id = a.village_id AND p.status = 'adopted' JOIN plan_goals g ON g.plan_id = p.id
      WHERE g.code = 'G' || a.goal OR (a.two_goals AND g.code = 'G' || (1 + a.goal % 3))`,
  );
  await q(
    `INSERT INTO budget_lines (application_id, position, category, description, amount, source)
     SELECT id, 0, 'equipment', 'Machines', requested * 3 / 4, 'grant' FROM apps
     UNION ALL SELECT id, 1, 'renovation', 'Premises', requested - requested * 3 / 4, 'grant' FROM apps
     UNION ALL SELECT id, 2, 'furniture', 'Own funds', requested / 4, 'own' FROM apps`,
  );
  await q(
    `INSERT INTO application_snapshots (application_id, content, created_at)
     SELECT a.id, jsonb_build_object('reference', x.reference, 'competitionId', x.competition_id, 'villageId', x.village_id, 'villageName', v.name,
              'title', x.title, 'summary', x.summary, 'description', x.description, 'sector', x.sector,
              'goals', (SELECT jsonb_agg(jsonb_build_object('goalId', g.goal_id, 'contribution', g.contribution) ORDER BY g.position) FROM application_goals g WHERE g.application_id = a.id),
              'requestedAmount', x.requested_amount::text, 'ownContribution', x.own_contribution::text,
              'budgetLines', (SELECT jsonb_agg(jsonb_build_object('category', b.category, 'description', b.description, 'amount', b.amount::text, 'source', b.source) ORDER BY b.position)
                                FROM budget_lines b WHERE b.application_id = a.id),
              'jobsCreated', x.jobs_created, 'plannedStart', x.planned_start, 'durationMonths', x.duration_months), a.submitted_at
       FROM apps a JOIN applications x ON x.id = a.id JOIN villages v ON v.id = a.village_id WHERE a.status <> 'draft'`,
  );
  await q(
    `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id, at)
     SELECT id, NULL, 'draft', applicant_id, coalesce(submitted_at, now()) - interval '2 days' FROM apps
     UNION ALL SELECT id, 'draft', 'submitted', applicant_id, submitted_at FROM apps WHERE status <> 'draft'`,
  );
  await q(
    `INSERT INTO application_reference_counters (competition_id, last_number)
     SELECT competition_id, max(number) FROM apps WHERE number IS NOT NULL GROUP BY competition_id`,
  );

  // Both panels, conflicts confirmed; three jurors per application (base + k * step mod J: connected).
  await q(
    `INSERT INTO competition_jurors (competition_id, user_id, expertise, home_village_id, conflicts_confirmed_at, added_by)
     SELECT c.id, u.id, ARRAY[($3::text[])[1 + abs(hashtext(u.email)) % 7]], u.home_village_id, now() - interval '25 days', $4
       FROM users u, (VALUES ($1::uuid), ($2::uuid)) AS c(id) WHERE u.roles = '{juror}'`,
    [reviewId, pastId, SECTORS, manager],
  );
  await q(
    `CREATE TEMP TABLE jury ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY email) - 1)::int AS k, id FROM users WHERE roles = '{juror}'`,
  );
  /** times: deadline, opened, closed, finalized, each from now (null: not yet). */
  const round = async (competitionId: string, status: string, m: RoundMethod, times: (string | null)[]) => {
    const [row] = await q<{ id: string }>(
      `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalized_at, summary, created_by)
       VALUES ($1::uuid, 1, 'Round 1', $2, $3::jsonb, now() + $4::interval, encode(sha256($1::text::bytea), 'hex'), now() + $5::interval,
               now() + $6::interval, now() + $7::interval, $8::jsonb, $9) RETURNING id`,
      [
        competitionId,
        status,
        JSON.stringify(m),
        ...times,
        status === 'finalized' ? '{"calibratedDecides": false}' : null,
        manager,
      ],
    );
    await q(
      'INSERT INTO round_applications (round_id, application_id) SELECT $1, id FROM apps WHERE competition_id = $2',
      [row.id, competitionId],
    );
    await q(
      `INSERT INTO assignments (round_id, application_id, juror_id, status, source, affinity, created_at)
       SELECT $1, a.id, j.id, 'active', 'engine', floor(random() * 13)::int, now() - interval '14 days'
         FROM (SELECT id, floor(random() * $3::int)::int AS base, 1 + floor(random() * (($3::int - 1) / 2))::int AS step FROM apps WHERE competition_id = $2) a
         CROSS JOIN generate_series(0, 2) AS s JOIN jury j ON j.k = (a.base + s * a.step) % $3::int`,
      [row.id, competitionId, jurorCount],
    );
    const scores = m.criteria
      .map(
        (c) => `'${c.code}', greatest(0, least(${c.max}, round((a.quality + (random() - 0.5) * 0.3) * ${c.max})))::int`,
      )
      .join(', ');
    await q(
      `INSERT INTO scoresheets (assignment_id, round_id, application_id, juror_id, status, scores, comment, submitted_at, updated_at)
       SELECT s.id, s.round_id, s.application_id, s.juror_id, 'submitted', jsonb_build_object(${scores}), 'Clear plan, modest budget',
              now() - interval '3 days', now() - interval '3 days'
         FROM assignments s JOIN apps a ON a.id = s.application_id WHERE s.round_id = $1 AND random() < $2`,
      [row.id, status === 'open' ? 0.4 : 1],
    );
    return row.id;
  };
  const reviewRoundId = await round(reviewId, 'open', method, ['10 days', '-15 days', null, null]);
  const pastRoundId = await round(pastId, 'finalized', pastMethod, [
    '-330 days',
    '-365 days',
    '-330 days',
    '-329 days',
  ]);

  // The past round's results, and awards (with their three tranches) for the best ranked within the budget.
  await q(
    `INSERT INTO round_results (round_id, application_id, count, totals, official, calibrated, spread, gates_failed, quorum_met, rank, advanced, reason, disputed)
     SELECT $1, r.id, 3, r.totals, r.official, NULL, 8, '{}', true, r.rank, r.rank <= $2::int, CASE WHEN r.rank <= $2::int THEN 'advanced' ELSE 'below_line' END, false
       FROM (SELECT a.id, round((a.quality * 100)::numeric, 2)::float8 AS official, row_number() OVER (ORDER BY a.quality DESC, a.id)::int AS rank,
                    (SELECT jsonb_agg(jsonb_build_object('jurorId', s.juror_id, 'total', round((a.quality * 100)::numeric, 1))) FROM assignments s WHERE s.application_id = a.id) AS totals
               FROM apps a WHERE a.competition_id = $3) AS r`,
    [pastRoundId, Math.max(10, Math.floor(past / 10)), pastId],
  );
  await q(
    `INSERT INTO awards (competition_id, application_id, round_id, rank, amount, requested, status, proposed_by, approved_by, approved_at, respond_by, responded_at)
     SELECT $1, r.application_id, $2, r.rank, 200000000, greatest(a.requested_amount, 200000000), 'active', $3, $4, now() - interval '320 days', now() - interval '306 days', now() - interval '310 days'
       FROM round_results r JOIN applications a ON a.id = r.application_id WHERE r.round_id = $2 AND r.advanced`,
    [pastId, pastRoundId, manager, approver],
  );
  await q(
    `UPDATE applications a SET requested_amount = w.requested FROM awards w WHERE w.application_id = a.id AND a.requested_amount < w.requested`,
  );
  await q(`UPDATE applications a SET status = 'awarded' FROM awards w WHERE w.application_id = a.id`);
  await q(
    `INSERT INTO tranches (award_id, position, label, report_required, due_days, due_at, amount, status, approved_by, approved_at)
     SELECT w.id, t.position, t.label, t.position > 1, t.due_days, now() - interval '310 days' + make_interval(days => coalesce(t.due_days, 0)),
            w.amount * t.share / 10000, CASE WHEN t.position = 1 THEN 'paid' ELSE 'approved' END, $2, now() - interval '300 days'
       FROM awards w, (VALUES (1, 'On signing', NULL::int, 5000), (2, 'Mid-term report', 180, 3000), (3, 'Final report', 365, 2000)) AS t(position, label, due_days, share)
      WHERE w.competition_id = $1`,
    [pastId, approver],
  );
  await seedLedger(db, pastId, approver);
  await q('COMMIT');
  await q('VACUUM (ANALYZE)');

  const applicants = await q<{ id: string; applications: string[] }>(
    `SELECT applicant_id AS id, array_agg(id ORDER BY created_at DESC) AS applications FROM applications GROUP BY applicant_id ORDER BY applicant_id`,
  );
  const freshRows = await q<{ id: string; goalId: string }>(
    `SELECT u.id, (SELECT g.id FROM plan_goals g JOIN development_plans p ON p.id = g.plan_id WHERE p.village_id = u.home_village_id AND p.status = 'adopted' ORDER BY g.code LIMIT 1) AS "goalId"
       FROM users u WHERE u.roles = '{applicant}' AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.applicant_id = u.id) ORDER BY u.email`,
  );
  const jurors = await q<{ id: string; assignments: string[] }>(
    `SELECT juror_id AS id, array_agg(id ORDER BY id) AS assignments FROM assignments WHERE round_id = $1 AND status = 'active' GROUP BY juror_id ORDER BY juror_id`,
    [reviewRoundId],
  );
  const [counts] = await q<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM villages) AS villages, (SELECT count(*)::int FROM applications) AS applications,
            (SELECT count(*)::int FROM assignments) AS assignments, (SELECT count(*)::int FROM scoresheets) AS scoresheets,
            (SELECT count(*)::int FROM round_results) AS "roundResults", (SELECT count(*)::int FROM awards) AS awards, (SELECT count(*)::int FROM tranches) AS tranches`,
  );
  const places = await q<{ id: string; district: boolean }>(
    `SELECT id, false AS district FROM villages UNION ALL SELECT id, true FROM districts`,
  );
  return {
    openId,
    reviewId,
    reviewRoundId,
    pastId,
    pastRoundId,
    method,
    managers: staff.filter((s) => s.roles.includes('manager')).map((s) => s.id),
    observer: staff.find((s) => s.roles.includes('observer'))!.id,
    villageIds: places.filter((p) => !p.district).map((p) => p.id),
    districtIds: places.filter((p) => p.district).map((p) => p.id),
    applicants,
    fresh: freshRows,
    jurors,
    counts: { ...counts, jurors: jurorCount, freshApplicants: freshRows.length },
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The past competition's ledger as LedgerService leaves it, and the signing tranche of every award
 * paid: opening, a commitment per award, a payment per award (from-entry, then to-entry).
 */
async function seedLedger(db: Client, competitionId: string, officer: string): Promise<void> {
  await db.query(
    `INSERT INTO ledger_accounts (competition_id, kind) SELECT $1, kind FROM unnest(ARRAY['funding','budget','paid']) AS kind`,
    [competitionId],
  );
  await db.query(
    `INSERT INTO ledger_accounts (competition_id, kind, award_id) SELECT $1, 'payable', id FROM awards WHERE competition_id = $1`,
    [competitionId],
  );
  await db.query(
    `CREATE TEMP TABLE moves ON COMMIT DROP AS
     SELECT gen_random_uuid() AS transaction_id, 'opening'::text AS movement, NULL::uuid AS award_id, NULL::uuid AS tranche_id, budget AS amount, 0 AS seq
       FROM competitions WHERE id = $1
     UNION ALL SELECT gen_random_uuid(), 'commitment', id, NULL, amount, rank FROM awards WHERE competition_id = $1
     UNION ALL SELECT gen_random_uuid(), 'payment', w.id, t.id, t.amount, 1000000 + w.rank
       FROM awards w JOIN tranches t ON t.award_id = w.id AND t.position = 1 WHERE w.competition_id = $1`,
    [competitionId],
  );
  await db.query(
    `INSERT INTO ledger_transactions (id, competition_id, movement, award_id, reference, created_by, created_at)
     SELECT transaction_id, $1, movement, award_id, 'load-bench', $2, now() - interval '300 days' FROM moves ORDER BY seq`,
    [competitionId, officer],
  );
  for (const [movement, from, to] of [
    ['opening', 'funding', 'budget'],
    ['commitment', 'budget', 'payable'],
    ['payment', 'payable', 'paid'],
  ]) {
    await db.query(
      `INSERT INTO ledger_entries (transaction_id, account_id, amount)
       SELECT m.transaction_id, CASE WHEN e.kind = 'payable' THEN pa.id ELSE ca.id END, e.amount
         FROM moves m CROSS JOIN LATERAL (VALUES (1, $3::text, -m.amount), (2, $4::text, m.amount)) AS e(ord, kind, amount)
         LEFT JOIN ledger_accounts pa ON pa.award_id = m.award_id
         LEFT JOIN ledger_accounts ca ON ca.competition_id = $1 AND ca.award_id IS NULL AND ca.kind = e.kind
        WHERE m.movement = $2 ORDER BY m.seq, e.ord`,
      [competitionId, movement, from, to],
    );
  }
  await db.query(
    `INSERT INTO payments (tranche_id, award_id, amount, bank_reference, paid_on, status, recorded_by, ledger_transaction_id, created_at)
     SELECT tranche_id, award_id, amount, 'PP-' || seq, current_date - 300, 'recorded', $1, transaction_id, now() - interval '300 days'
       FROM moves WHERE movement = 'payment'`,
    [officer],
  );
}
