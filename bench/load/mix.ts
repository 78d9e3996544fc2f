import { AccessTokens } from '../../src/common/auth/access-tokens';
import { Role } from '../../src/common/auth/role';
import { SECTORS } from '../../src/modules/applications/domain/application-status';
import { completeDraft } from '../applications/seeding';
import { LoadData } from './seed';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  token?: string;
  body?: unknown;
}

/** What the run leaves behind for the checks, shared by every virtual user. */
export interface RunState {
  nextFresh: number;
  created: number;
  /** Applications submitted over HTTP (warm-up included): id and reference. */
  submitted: { id: string; reference: string }[];
  /** Assignments whose scoresheet was submitted over HTTP. */
  scored: Set<string>;
}

export interface OpContext {
  data: LoadData;
  rng: () => number;
  token(id: string, role: Role): string;
  state: RunState;
}

export type Send = (
  name: string,
  spec: RequestSpec,
  expect: number,
) => Promise<{ status: number; json: () => unknown } | null>;

/** One kind of step a virtual user takes: a read (one request, its SQL traced and replayed) or a write flow. */
export interface Operation {
  name: string;
  weight: number;
  /** Routes the lead may not have landed yet: skipped when the first call answers 404. */
  optional?: boolean;
  read?: (ctx: OpContext) => RequestSpec;
  /** The names a flow records its requests under. */
  records?: string[];
  flow?: (ctx: OpContext, send: Send) => Promise<void>;
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

const applicant = (ctx: OpContext) => pick(ctx.rng, ctx.data.applicants);
const juror = (ctx: OpContext) => pick(ctx.rng, ctx.data.jurors);
const manager = (ctx: OpContext) => ctx.token(pick(ctx.rng, ctx.data.managers), 'manager');

/** Staff listings as managers use them: the default page, filters, text search, a later page by reference. */
function listingQuery(ctx: OpContext): string {
  const r = ctx.rng();
  if (r < 0.35) return '';
  if (r < 0.5) return `?villageId=${pick(ctx.rng, ctx.data.villageIds)}`;
  if (r < 0.65) return `?districtId=${pick(ctx.rng, ctx.data.districtIds)}&sort=requestedAmount&order=desc`;
  if (r < 0.8) return `?status=submitted&sector=${pick(ctx.rng, SECTORS)}`;
  if (r < 0.9) return `?q=${encodeURIComponent(pick(ctx.rng, ['bakery', 'guest', 'dairy', 'felt']))}`;
  return `?sort=reference&order=asc&limit=50&offset=${Math.floor(ctx.rng() * 40) * 50}`;
}

/** Open data as visitors browse it: the first page, by place, by sector, a later page; many distinct URLs, so the cache misses some. */
function grantsQuery(ctx: OpContext): string {
  const r = ctx.rng();
  if (r < 0.4) return '';
  if (r < 0.6) return `?districtId=${pick(ctx.rng, ctx.data.districtIds)}`;
  if (r < 0.8) return `?villageId=${pick(ctx.rng, ctx.data.villageIds)}`;
  if (r < 0.9) return `?sector=${pick(ctx.rng, SECTORS)}`;
  return `?offset=${20 * (1 + Math.floor(ctx.rng() * 5))}`;
}

/**
 * The weighted mix, per 100 steps: public reads 38, applicants 28 (6 of them create and submit,
 * two requests), jurors 24 (6 save a submitted scoresheet), managers 10.
 */
export const OPERATIONS: Operation[] = [
  {
    name: 'public competitions',
    weight: 7,
    read: (ctx) => ({
      method: 'GET',
      path:
        ctx.rng() < 0.7
          ? '/api/public/competitions'
          : `/api/public/competitions?status=${pick(ctx.rng, ['closed', 'finalized'])}`,
    }),
  },
  {
    name: 'public competition',
    weight: 6,
    read: (ctx) => ({
      method: 'GET',
      path: `/api/public/competitions/${pick(ctx.rng, [ctx.data.openId, ctx.data.reviewId, ctx.data.pastId])}`,
    }),
  },
  {
    name: 'public rounds',
    weight: 4,
    read: (ctx) => ({
      method: 'GET',
      path: `/api/public/competitions/${pick(ctx.rng, [ctx.data.reviewId, ctx.data.pastId])}/rounds`,
    }),
  },
  {
    name: 'public allocation',
    weight: 5,
    read: (ctx) => ({ method: 'GET', path: `/api/public/competitions/${ctx.data.pastId}/allocation` }),
  },
  {
    name: 'public grants',
    weight: 6,
    optional: true,
    read: (ctx) => ({ method: 'GET', path: `/api/public/grants${grantsQuery(ctx)}` }),
  },
  {
    name: 'public grants summary',
    weight: 4,
    optional: true,
    read: (ctx) => ({
      method: 'GET',
      path: `/api/public/grants/summary?by=${pick(ctx.rng, ['region', 'district', 'village', 'goal'])}${ctx.rng() < 0.3 ? `&sector=${pick(ctx.rng, SECTORS)}` : ''}`,
    }),
  },
  {
    name: 'public figures',
    weight: 4,
    optional: true,
    read: (ctx) => ({
      method: 'GET',
      path: ctx.rng() < 0.6 ? '/api/public/figures' : `/api/public/figures?competitionId=${ctx.data.pastId}`,
    }),
  },
  {
    name: 'public 360Giving export',
    weight: 2,
    optional: true,
    read: (ctx) => ({ method: 'GET', path: `/api/public/competitions/${ctx.data.pastId}/360giving` }),
  },
  {
    name: 'applicant mine',
    weight: 12,
    read: (ctx) => ({
      method: 'GET',
      path: '/api/applications/mine',
      token: ctx.token(applicant(ctx).id, 'applicant'),
    }),
  },
  {
    name: 'applicant get',
    weight: 10,
    read: (ctx) => {
      const a = applicant(ctx);
      return {
        method: 'GET',
        path: `/api/applications/${pick(ctx.rng, a.applications)}`,
        token: ctx.token(a.id, 'applicant'),
      };
    },
  },
  {
    name: 'applicant create+submit',
    weight: 6,
    records: ['applicant create draft', 'applicant submit'],
    flow: async (ctx, send) => {
      const person = ctx.data.fresh[ctx.state.nextFresh++];
      if (!person) return; // every fresh applicant has applied: the flow stops
      const token = ctx.token(person.id, 'applicant');
      const created = await send(
        'applicant create draft',
        {
          method: 'POST',
          path: `/api/competitions/${ctx.data.openId}/applications`,
          token,
          body: completeDraft(person.goalId, ctx.state.nextFresh),
        },
        201,
      );
      if (created?.status !== 201) return;
      ctx.state.created += 1;
      const { id } = created.json() as { id: string };
      const submitted = await send(
        'applicant submit',
        { method: 'POST', path: `/api/applications/${id}/submit`, token },
        200,
      );
      if (submitted?.status !== 200) return;
      const body = submitted.json() as { status: string; reference: string };
      ctx.state.submitted.push({ id, reference: body.reference });
      ctx.data.applicants.push({ id: person.id, applications: [id] });
    },
  },
  {
    name: 'juror rounds',
    weight: 3,
    read: (ctx) => ({ method: 'GET', path: '/api/reviews/rounds', token: ctx.token(juror(ctx).id, 'juror') }),
  },
  {
    name: 'juror assignments',
    weight: 6,
    read: (ctx) => ({
      method: 'GET',
      path: `/api/reviews/rounds/${ctx.data.reviewRoundId}/assignments`,
      token: ctx.token(juror(ctx).id, 'juror'),
    }),
  },
  {
    name: 'juror view',
    weight: 9,
    read: (ctx) => {
      const j = juror(ctx);
      return {
        method: 'GET',
        path: `/api/reviews/assignments/${pick(ctx.rng, j.assignments)}`,
        token: ctx.token(j.id, 'juror'),
      };
    },
  },
  {
    name: 'juror score',
    weight: 6,
    records: ['juror save scoresheet'],
    flow: async (ctx, send) => {
      const j = juror(ctx);
      const assignment = pick(ctx.rng, j.assignments);
      const scores = Object.fromEntries(
        ctx.data.method.criteria.map((c) => [c.code, 1 + Math.floor(ctx.rng() * c.max)]),
      );
      const body = { scores, comment: 'Sound plan; the budget for equipment is thin.', submit: true };
      const saved = await send(
        'juror save scoresheet',
        {
          method: 'PUT',
          path: `/api/reviews/assignments/${assignment}/scoresheet`,
          token: ctx.token(j.id, 'juror'),
          body,
        },
        200,
      );
      if (saved?.status === 200) ctx.state.scored.add(assignment);
    },
  },
  {
    name: 'manager list',
    weight: 7,
    read: (ctx) => ({
      method: 'GET',
      path: `/api/competitions/${pick(ctx.rng, [ctx.data.openId, ctx.data.reviewId])}/applications${listingQuery(ctx)}`,
      token: manager(ctx),
    }),
  },
  {
    name: 'manager summary',
    weight: 3,
    read: (ctx) => ({
      method: 'GET',
      path: `/api/competitions/${pick(ctx.rng, [ctx.data.openId, ctx.data.reviewId])}/applications/summary`,
      token: manager(ctx),
    }),
  },
];

/** mulberry32: a small seeded generator, so a run's sequence of steps can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weightedPicker(ops: readonly Operation[]): (rng: () => number) => Operation {
  const total = ops.reduce((sum, op) => sum + op.weight, 0);
  return (rng) => {
    let r = rng() * total;
    for (const op of ops) if ((r -= op.weight) < 0) return op;
    return ops[ops.length - 1];
  };
}

/** Tokens signed as the api signs them (same secret), one per user, kept for the run. */
export function tokenBook(tokens: AccessTokens): (id: string, role: Role) => string {
  const cache = new Map<string, string>();
  return (id, role) => {
    let token = cache.get(id);
    if (!token) cache.set(id, (token = tokens.sign({ id, roles: [role] })));
    return token;
  };
}
