import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Scenario } from './fault-scenario';

export type Kind = 'submit' | 'score' | 'pay' | 'approve';

/**
 * How one answer settles an operation: `done` (a 2xx), `done-earlier` (a refusal that says an
 * earlier attempt, whose answer was lost, already did it), `refused` (a final answer the rules
 * allow, such as the budget being spent), `retry` (the service or a dependency is down), or
 * `unexpected` (anything else: the test fails).
 */
export type Verdict = 'done' | 'done-earlier' | 'refused' | 'retry' | 'unexpected';

export interface Op {
  kind: Kind;
  /** The application, assignment, tranche or award the operation is about. */
  target: string;
  method: 'POST' | 'PUT';
  path: string;
  auth: { Authorization: string };
  body: unknown;
  /** Sent on every attempt: a retry of a payment is the same request. */
  idempotencyKey?: string;
  settle: (status: number, code: string | undefined) => Verdict;
  /** The client hangs up as soon as its first attempt is sent: the change happens, the answer is lost. */
  hangUpFirst?: boolean;
}

export interface Attempt {
  at: number;
  ms: number;
  /** The HTTP status, or `network` when no answer came (refused, reset, timed out). */
  status: number | 'network';
  code?: string;
  /** A stored answer to an earlier attempt with the same Idempotency-Key. */
  replayed?: boolean;
}

export interface Outcome {
  op: Op;
  result: Exclude<Verdict, 'retry'> | 'gave-up';
  body?: unknown;
  attempts: Attempt[];
  settledAt: number;
}

export interface BurstOptions {
  /** Parallel clients. */
  clients: number;
  /** Pause of each client between operations, so the burst lasts long enough to meet the fault. */
  paceMs: number;
  /** Pause before a retry of an operation that got no usable answer. */
  retryMs: number;
  /** A client gives an operation up after this long (the test then fails: the service did not recover). */
  giveUpMs: number;
  requestTimeoutMs: number;
}

export interface Burst {
  done: Promise<Outcome[]>;
  settled: () => number;
  total: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryable = (status: number, code: string | undefined) =>
  status >= 500 || status === 429 || code === 'IDEMPOTENCY.KEY_IN_USE';

/** Runs the operations with a few paced clients that retry until each is settled. */
export function startBurst(baseUrl: string, ops: Op[], options: BurstOptions): Burst {
  const queue = [...ops];
  const outcomes: Outcome[] = [];
  const client = async () => {
    for (let op = queue.shift(); op; op = queue.shift()) {
      outcomes.push(await settle(baseUrl, op, options));
      await sleep(options.paceMs);
    }
  };
  const done = Promise.all(Array.from({ length: options.clients }, client)).then(() => outcomes);
  return { done, settled: () => outcomes.length, total: ops.length };
}

async function settle(baseUrl: string, op: Op, options: BurstOptions): Promise<Outcome> {
  const attempts: Attempt[] = [];
  const started = Date.now();
  for (;;) {
    const at = Date.now();
    let verdict: Verdict = 'retry';
    let body: unknown;
    const headers = {
      'Content-Type': 'application/json',
      ...op.auth,
      ...(op.idempotencyKey ? { 'Idempotency-Key': op.idempotencyKey } : {}),
    };
    try {
      if (op.hangUpFirst && attempts.length === 0)
        throw await sendAndHangUp(baseUrl + op.path, op.method, headers, JSON.stringify(op.body));
      const res = await fetch(baseUrl + op.path, {
        method: op.method,
        headers,
        body: JSON.stringify(op.body),
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
      body = await res.json().catch(() => undefined);
      const code = (body as { code?: string } | undefined)?.code;
      attempts.push({
        at,
        ms: Date.now() - at,
        status: res.status,
        code,
        replayed: res.headers.get('Idempotent-Replayed') === 'true',
      });
      verdict = res.ok ? 'done' : retryable(res.status, code) ? 'retry' : op.settle(res.status, code);
    } catch {
      attempts.push({ at, ms: Date.now() - at, status: 'network' });
    }
    if (verdict !== 'retry') return { op, result: verdict, body, attempts, settledAt: Date.now() };
    if (Date.now() - started > options.giveUpMs)
      return { op, result: 'gave-up', body, attempts, settledAt: Date.now() };
    await sleep(options.retryMs);
  }
}

/** Sends the whole request, then closes the connection without waiting for the answer. */
function sendAndHangUp(url: string, method: string, headers: Record<string, string>, body: string): Promise<Error> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } });
    req.on('error', () => resolve(new Error('hung up')));
    req.end(body, () => {
      req.destroy();
      resolve(new Error('hung up'));
    });
  });
}

/** Interleaves the kinds, so every kind of write is in flight when the fault comes. */
export function interleave(...lists: Op[][]): Op[] {
  const out: Op[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i += 1)
    for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/** The operations of one burst: a slice of each kind of work the scenario prepared. */
export function burstOps(
  s: Scenario,
  slice: { drafts: number[]; assignments: number[]; tranches: number[]; proposals: number[] },
): Op[] {
  const submits = slice.drafts.map((i): Op => {
    const draft = s.intake.drafts[i];
    // A lost answer to a submission that committed: the retry finds it no longer a draft.
    return {
      kind: 'submit',
      target: draft.id,
      method: 'POST',
      path: `/api/applications/${draft.id}/submit`,
      auth: draft.applicant.auth,
      body: {},
      settle: (st, code) => (st === 409 && code === 'APPLICATION.NOT_DRAFT' ? 'done-earlier' : 'unexpected'),
    };
  });
  const scores = slice.assignments.map((i): Op => {
    const a = s.review.assignments[i];
    // Saving the same scoresheet again is harmless: the retry simply succeeds.
    return {
      kind: 'score',
      target: a.id,
      method: 'PUT',
      path: `/api/reviews/assignments/${a.id}/scoresheet`,
      auth: a.juror.auth,
      body: { scores: scoresFor(i), submit: true },
      settle: () => 'unexpected',
    };
  });
  const payments = slice.tranches.map((i): Op => {
    const t = s.money.tranches[i];
    const body = { bankReference: `FAULT-${i}`, paidOn: s.money.paidOn };
    return {
      kind: 'pay',
      target: t.id,
      method: 'POST',
      path: `/api/tranches/${t.id}/payments`,
      auth: s.cast.finance.auth,
      body,
      idempotencyKey: `fault-pay-${randomUUID()}`,
      settle: () => 'unexpected',
    };
  });
  const approvals = slice.proposals.map((i): Op => {
    const id = s.money.proposals[i];
    const settleApproval = (st: number, code: string | undefined): Verdict =>
      st === 422 && code === 'LEDGER.INSUFFICIENT_FUNDS'
        ? 'refused'
        : st === 409 && code === 'AWARD.WRONG_STATUS'
          ? 'done-earlier'
          : 'unexpected';
    return {
      kind: 'approve',
      target: id,
      method: 'POST',
      path: `/api/awards/${id}/approve`,
      auth: s.cast.manager2.auth,
      body: {},
      settle: settleApproval,
    };
  });
  // A third of each kind loses its first answer (a dropped connection): the retry must find the change made once.
  for (const list of [submits, scores, payments, approvals]) list.forEach((op, j) => (op.hangUpFirst = j % 3 === 1));
  return interleave(submits, scores, payments, approvals);
}

/** The scores juror i gives: deterministic, so the database can be checked against them. */
export function scoresFor(i: number): { plan: number; feasibility: number } {
  return { plan: 1 + (i % 4), feasibility: (i * 3) % 5 };
}

/** Counts of answers by kind of answer, for the report and the assertions. */
export function tally(outcomes: Outcome[], from = 0, to = Number.POSITIVE_INFINITY): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    for (const a of o.attempts) {
      if (a.at < from || a.at > to) continue;
      const key =
        a.status === 'network'
          ? 'network'
          : a.status < 300
            ? '2xx'
            : a.status === 503
              ? '503'
              : a.status >= 500
                ? '5xx'
                : String(a.status);
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

/** Operations whose change committed while the client got no answer: found done, or replayed, on a retry. */
export function answersLost(outcomes: Outcome[]): number {
  return outcomes.filter((o) => o.result === 'done-earlier' || o.attempts.some((a) => a.replayed)).length;
}
