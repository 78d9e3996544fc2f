import { Pool, PoolClient } from 'pg';
import { auditHash, toJson } from '../../src/modules/audit/domain/audit-hash';

// The statements both pg submission paths share, as the services run them.

export interface AppRow {
  id: string;
  competition_id: string;
  applicant_id: string;
  village_id: string;
  status: string;
  reference: string | null;
  title: string;
  summary: string;
  description: string;
  sector: string;
  requested_amount: string;
  own_contribution: string;
  jobs_created: number;
  planned_start: string | null;
  duration_months: number | null;
  assisted: boolean;
}

/** Columns of the application row, as the entity loads them (every column). */
export const APP_COLUMNS = `a.id, a.competition_id, a.applicant_id, a.village_id, a.village_reason, a.status, a.reference, a.reference_number, a.title,
  a.summary, a.description, a.sector, a.requested_amount, a.own_contribution, a.jobs_created, a.planned_start, a.duration_months, a.assisted,
  a.created_by, a.submitted_at, a.withdrawn_at, a.withdraw_reason, a.screening_reason, a.screening_note, a.screened_by, a.screened_at,
  a.created_at, a.updated_at`;

export const auditView = (a: AppRow, status: string, reference: string | null, goalIds: string[]) => ({
  competitionId: a.competition_id,
  villageId: a.village_id,
  status,
  reference,
  sector: a.sector,
  requestedAmount: BigInt(a.requested_amount),
  ownContribution: BigInt(a.own_contribution),
  goalIds,
  assisted: a.assisted,
});

/** The audit service's record(): lock the chain head, hash, append, move the head. */
export async function appendAudit(
  db: PoolClient,
  entry: { actorId: string; action: string; entityId: string; before: unknown; after: unknown },
): Promise<void> {
  const { rows } = await db.query<{ seq: string; hash: string; now: Date }>(
    `SELECT seq, hash, date_trunc('milliseconds', clock_timestamp()) AS now FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
  );
  const head = rows[0];
  const seq = BigInt(head.seq) + 1n;
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const event = {
    seq,
    occurredAt: head.now,
    actorId: entry.actorId,
    action: entry.action,
    entityType: 'application',
    entityId: entry.entityId,
    before,
    after,
    prevHash: head.hash,
  };
  const hash = auditHash(event);
  await db.query(
    `INSERT INTO audit_events (seq, occurred_at, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      seq.toString(),
      head.now,
      entry.actorId,
      entry.action,
      'application',
      entry.entityId,
      JSON.stringify(before),
      JSON.stringify(after),
      head.hash,
      hash,
    ],
  );
  await db.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [seq.toString(), hash]);
}

export async function insertOutbox(
  db: PoolClient,
  recipientId: string,
  data: Record<string, unknown>,
  dedupeKey: string,
): Promise<void> {
  await db.query(
    `INSERT INTO notifications (recipient_id, type, data, dedupe_key)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[])
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [[recipientId], ['application.submitted'], [JSON.stringify(data)], [dedupeKey]],
  );
}

export async function inTransaction(pool: Pool, work: (db: PoolClient) => Promise<string>): Promise<string> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const outcome = await work(db);
    await db.query(outcome === 'ok' ? 'COMMIT' : 'ROLLBACK');
    return outcome;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

export async function nextReference(db: PoolClient, competitionId: string): Promise<number> {
  const { rows } = await db.query<{ lastNumber: number }>(
    `INSERT INTO application_reference_counters (competition_id, last_number) VALUES ($1, 1)
     ON CONFLICT (competition_id) DO UPDATE SET last_number = application_reference_counters.last_number + 1
     RETURNING last_number AS "lastNumber"`,
    [competitionId],
  );
  return rows[0].lastNumber;
}
