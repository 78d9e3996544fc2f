import { Client } from 'pg';
import { call, Recorder } from './driver';
import { RunState } from './mix';
import { Service } from './processes';
import { LoadData } from './seed';
import { SmtpCounter } from './smtp-counter';

export interface MailFigures {
  receipts: number;
  sent: number;
  failed: number;
  receivedBySmtp: number;
  /** From the end of the run until the last receipt was sent. */
  drainSeconds: number;
}

/** Waits until the receipt of every submission of the run has been sent (or the time is up). */
export async function waitForMail(
  db: Client,
  sink: SmtpCounter,
  state: RunState,
  timeoutMs: number,
): Promise<MailFigures> {
  const started = performance.now();
  const ids = state.submitted.map((s) => s.id);
  for (;;) {
    const [row] = (
      await db.query<{ receipts: number; sent: number; failed: number }>(
        `SELECT count(*)::int AS receipts, count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed
           FROM notifications WHERE type = 'application.submitted' AND data->>'applicationId' = ANY($1)`,
        [ids],
      )
    ).rows;
    const elapsed = performance.now() - started;
    if ((row.sent === ids.length && sink.received >= row.sent) || elapsed > timeoutMs) {
      return { ...row, receivedBySmtp: sink.received, drainSeconds: +(elapsed / 1000).toFixed(1) };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface Checks {
  ok: boolean;
  [name: string]: unknown;
}

export async function checkRun(options: {
  db: Client;
  data: LoadData;
  state: RunState;
  http: Recorder;
  sink: SmtpCounter;
  origin: string;
  observerToken: string;
  alive: Service[];
}): Promise<Checks> {
  const { db, data, state, sink } = options;
  const errors = [...options.http.ops.values()].reduce((sum, s) => sum + s.errors, 0);
  const failures = Object.fromEntries(
    [...options.http.ops.entries()]
      .filter(([, s]) => s.errors > 0)
      .map(([name, s]) => [name, Object.fromEntries(Object.entries(s.outcomes).filter(([o]) => !/^2\d\d$/.test(o)))]),
  );
  const [stored] = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications a JOIN unnest($1::uuid[], $2::text[]) AS s(id, reference) ON s.id = a.id
        WHERE a.status = 'submitted' AND a.reference = s.reference`,
      [state.submitted.map((s) => s.id), state.submitted.map((s) => s.reference)],
    )
  ).rows;
  const [refs] = (
    await db.query<{ n: number; distinct: number; max: number; counter: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT reference_number)::int AS distinct, coalesce(max(reference_number), 0) AS max,
              (SELECT last_number FROM application_reference_counters WHERE competition_id = $1) AS counter
         FROM applications WHERE competition_id = $1 AND reference_number IS NOT NULL`,
      [data.openId],
    )
  ).rows;
  const [sheets] = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scoresheets WHERE assignment_id = ANY($1) AND status = 'submitted'`,
      [[...state.scored]],
    )
  ).rows;
  const [mail] = (
    await db.query<{ sent: number; unsent: number }>(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS unsent FROM notifications`,
    )
  ).rows;
  const verify = await call(options.origin, {
    method: 'GET',
    path: '/api/audit-events/verify',
    token: options.observerToken,
  });
  const audit =
    verify.status === 200
      ? (JSON.parse(verify.text) as { valid: boolean; events?: number; checked?: number })
      : { valid: false };
  const checks = {
    noErrors: errors === 0,
    submittedStored: stored.n === state.submitted.length,
    draftsNotSubmitted: state.created - state.submitted.length,
    referencesGapless: refs.n === refs.distinct && refs.n === refs.max && refs.counter === refs.max,
    scoresheetsStored: sheets.n === state.scored.size,
    everyMailSent: mail.unsent === 0,
    smtpReceivedEachOnce: sink.received === mail.sent && sink.messageIds.size === sink.received,
    auditChainValid: audit.valid === true,
    processesAlive: options.alive.every((s) => s.child.exitCode === null && s.child.signalCode === null),
  };
  const ok = Object.entries(checks).every(([k, v]) => (k === 'draftsNotSubmitted' ? v === 0 : v === true));
  return {
    ok,
    ...checks,
    counts: {
      submitted: state.submitted.length,
      scoresheets: state.scored.size,
      references: refs.n,
      mailsSent: mail.sent,
      smtpReceived: sink.received,
    },
    ...(errors ? { failures } : {}),
  };
}
