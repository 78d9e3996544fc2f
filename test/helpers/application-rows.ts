import { DataSource } from 'typeorm';

export interface ApplicationRows {
  competitionId: string;
  /** Its short code, for references `SU-<code>-2026-<n>`. */
  code: string;
  villageIds: string[];
  /** One plan goal per village (same order), linked to each application of that village. */
  goalIds: string[];
  /** Applicants, used in turn (the database does not hold the one-per-competition rule; the service does). */
  applicantIds: string[];
  count: number;
  /** The first reference number (the next after those the competition has). */
  from?: number;
}

const SECTORS = ['agriculture', 'tourism', 'crafts', 'services', 'trade', 'processing', 'other'];

/**
 * Many submitted applications in a few set-based INSERTs, for tables that need thousands (the
 * staff pages' benchmark, paging tests): the same columns submission writes, spread over the
 * villages, sectors and amounts, a plan goal each. No snapshots and no audit events: rows to list,
 * not a history to read.
 */
export async function insertSubmittedApplications(dataSource: DataSource, rows: ApplicationRows): Promise<void> {
  const from = rows.from ?? 1;
  await dataSource.query(
    `INSERT INTO applications (competition_id, applicant_id, village_id, status, reference, reference_number, title,
                               summary, description, sector, requested_amount, own_contribution, jobs_created,
                               created_by, submitted_at, created_at)
     SELECT $1, ($4::uuid[])[1 + (n % cardinality($4::uuid[]))], ($3::uuid[])[1 + (n % cardinality($3::uuid[]))],
            'submitted', 'SU-' || $2 || '-2026-' || lpad(n::text, 5, '0'), n,
            'Project ' || n || ' ' || (ARRAY['bakery','guest house','felt crafts','repair shop','greenhouse','fish smoking'])[1 + n % 6],
            'Summary of project ' || n, 'Description of project ' || n,
            ($5::text[])[1 + (n % cardinality($5::text[]))], 50000000 + (n % 200) * 1000000, 20000000, 1 + n % 5,
            ($4::uuid[])[1 + (n % cardinality($4::uuid[]))], now() - (n || ' minutes')::interval, now()
       FROM generate_series($6::int, $7::int) AS n`,
    [rows.competitionId, rows.code, rows.villageIds, rows.applicantIds, SECTORS, from, from + rows.count - 1],
  );
  await dataSource.query(
    `INSERT INTO application_goals (application_id, goal_id, position, contribution)
     SELECT a.id, ($2::uuid[])[array_position($3::uuid[], a.village_id)], 0, 'Supports it'
       FROM applications a
      WHERE a.competition_id = $1 AND a.reference_number BETWEEN $4 AND $5`,
    [rows.competitionId, rows.goalIds, rows.villageIds, from, from + rows.count - 1],
  );
  await dataSource.query(
    `INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, $2)
     ON CONFLICT (competition_id) DO UPDATE SET last_number = GREATEST(application_reference_counters.last_number, EXCLUDED.last_number)`,
    [rows.competitionId, from + rows.count - 1],
  );
  await dataSource.query('ANALYZE applications; ANALYZE application_goals');
}
