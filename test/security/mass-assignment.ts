import { randomUUID } from 'node:crypto';
import { competitionInput, TestUser } from '../helpers/factories';
import { roundBody } from '../helpers/review-setup';
import { fingerprint } from './fingerprint';
import { SecurityEnv, World } from './world';

interface Case {
  route: string;
  url: (w: World) => string;
  who: (w: World) => TestUser | null;
  /** A valid body carrying fields the caller must not set. */
  body: (w: World) => Record<string, unknown>;
  /** Exactly the fields the answer must name: proof the rest of the body was valid. */
  named: string[];
}

const id = () => randomUUID();
const now = () => new Date().toISOString();
const spending = [{ category: 'equipment', description: 'Frame', amount: '1000' }];

/** Status, amounts, owners, approvers and flags in request bodies are refused by name, never stored. */
const CASES: Case[] = [
  {
    route: 'POST /api/auth/register',
    url: () => '/api/auth/register',
    who: () => null,
    body: (w) => ({
      email: `new-${id()}@example.kz`,
      password: 'a-long-enough-password',
      fullName: 'New',
      preferredLanguage: 'ru',
      homeVillageId: w.places.villageId,
      roles: ['admin'],
      emailConfirmedAt: now(),
      active: true,
      id: id(),
      passwordHash: 'x',
    }),
    named: ['roles', 'emailConfirmedAt', 'active', 'id', 'passwordHash'],
  },
  {
    route: 'POST /api/auth/login',
    url: () => '/api/auth/login',
    who: () => null,
    body: (w) => ({ email: w.users.admin.user.email, password: 'x', roles: ['admin'] }),
    named: ['roles'],
  },
  {
    route: 'POST /api/users',
    url: () => '/api/users',
    who: (w) => w.users.admin,
    body: () => ({
      email: `staff-${id()}@example.kz`,
      password: 'a-long-enough-password',
      fullName: 'Staff',
      preferredLanguage: 'ru',
      roles: ['finance'],
      id: id(),
      passwordHash: 'x',
      emailConfirmedAt: now(),
      active: false,
    }),
    named: ['id', 'passwordHash', 'emailConfirmedAt', 'active'],
  },
  {
    route: 'PATCH /api/users/:id',
    url: (w) => `/api/users/${w.targetUserId}`,
    who: (w) => w.users.admin,
    body: () => ({
      preferredLanguage: 'en',
      email: 'evil@example.kz',
      passwordHash: 'x',
      emailConfirmedAt: now(),
      id: id(),
    }),
    named: ['email', 'passwordHash', 'emailConfirmedAt', 'id'],
  },
  {
    route: 'POST /api/competitions/:id/applications',
    url: (w) => `/api/competitions/${w.open.competitionId}/applications`,
    who: (w) => w.users.applicant,
    body: (w) => ({
      title: 'Mine',
      status: 'awarded',
      reference: 'SU-2026-0001',
      applicantId: w.users.applicant2.user.id,
      assisted: true,
      submittedAt: now(),
      competitionId: id(),
      goals: [{ goalId: id(), contribution: 'x', planId: id() }],
      budgetLines: [{ category: 'c', amount: '1', source: 'grant', id: id(), applicationId: id() }],
    }),
    named: [
      'status',
      'reference',
      'applicantId',
      'assisted',
      'submittedAt',
      'competitionId',
      'goals.0.planId',
      'budgetLines.0.id',
      'budgetLines.0.applicationId',
    ],
  },
  {
    route: 'PATCH /api/applications/:id',
    url: (w) => `/api/applications/${w.open.draftId}`,
    who: (w) => w.users.applicant,
    body: (w) => ({
      title: 'Mine',
      status: 'submitted',
      reference: 'SU-2026-0001',
      applicantId: w.users.applicant2.user.id,
      villageId: id(),
      createdBy: id(),
    }),
    named: ['status', 'reference', 'applicantId', 'villageId', 'createdBy'],
  },
  {
    route: 'POST /api/competitions/:id/applications/assisted',
    url: (w) => `/api/competitions/${w.open.competitionId}/applications/assisted`,
    who: (w) => w.users.manager,
    body: (w) => ({ applicantId: w.users.applicant2.user.id, title: 'Walk-in', status: 'submitted', createdBy: id() }),
    named: ['status', 'createdBy'],
  },
  {
    route: 'POST /api/applications/:id/screening',
    url: (w) => `/api/applications/${w.open.submitId}/screening`,
    who: (w) => w.users.manager,
    body: () => ({ decision: 'eligible', status: 'shortlisted', reference: 'SU-2026-0002' }),
    named: ['status', 'reference'],
  },
  {
    route: 'PATCH /api/applications/:id/attachments/:attachmentId',
    url: (w) => `/api/applications/${w.open.draftId}/attachments/${w.open.attachmentId}`,
    who: (w) => w.users.manager,
    body: () => ({
      identifying: false,
      storageKey: '../../etc/passwd',
      size: 1,
      sha256: '00',
      mediaType: 'text/html',
      applicationId: id(),
    }),
    named: ['storageKey', 'size', 'sha256', 'mediaType', 'applicationId'],
  },
  {
    route: 'POST /api/competitions',
    url: () => '/api/competitions',
    who: (w) => w.users.manager,
    body: (w) => ({
      ...JSON.parse(JSON.stringify(competitionInput([w.places.villageId]))),
      status: 'open',
      rulesFrozen: true,
      openedAt: now(),
      createdBy: id(),
      id: id(),
    }),
    named: ['status', 'rulesFrozen', 'openedAt', 'createdBy', 'id'],
  },
  {
    route: 'PATCH /api/competitions/:id',
    url: (w) => `/api/competitions/${w.open.competitionId}`,
    who: (w) => w.users.manager,
    body: () => ({
      description: { en: 'New words' },
      status: 'finalized',
      rulesFrozen: false,
      closedAt: now(),
      id: id(),
    }),
    named: ['status', 'rulesFrozen', 'closedAt', 'id'],
  },
  {
    route: 'POST /api/competitions/:id/rounds',
    url: (w) => `/api/competitions/${w.reviewing.competitionId}/rounds`,
    who: (w) => w.users.manager,
    body: () => ({ ...roundBody(), status: 'open', seed: 'ab'.repeat(32), openedAt: now() }),
    named: ['status', 'seed', 'openedAt'],
  },
  {
    route: 'PATCH /api/rounds/:id',
    url: (w) => `/api/rounds/${w.reviewing.roundId}`,
    who: (w) => w.users.manager,
    body: () => ({ maxLoad: 5, status: 'finalized', seed: '00', summary: {} }),
    named: ['status', 'seed', 'summary'],
  },
  {
    route: 'POST /api/competitions/:id/jurors',
    url: (w) => `/api/competitions/${w.reviewing.competitionId}/jurors`,
    who: (w) => w.users.manager,
    body: () => ({ userId: id(), conflictsConfirmedAt: now(), load: 0 }),
    named: ['conflictsConfirmedAt', 'load'],
  },
  {
    route: 'POST /api/reviews/competitions/:id/conflicts',
    url: (w) => `/api/reviews/competitions/${w.reviewing.competitionId}/conflicts`,
    who: (w) => w.users.juror,
    body: (w) => ({ villageId: w.places.villageId, kind: 'other', jurorId: w.users.juror2.user.id, createdAt: now() }),
    named: ['jurorId', 'createdAt'],
  },
  {
    route: 'POST /api/rounds/:id/assignments',
    url: (w) => `/api/rounds/${w.reviewing.roundId}/assignments`,
    who: (w) => w.users.manager,
    body: (w) => ({
      applicationId: w.reviewing.applicationId,
      jurorId: w.users.juror2.user.id,
      status: 'active',
      roundId: id(),
    }),
    named: ['status', 'roundId'],
  },
  {
    route: 'PUT /api/reviews/assignments/:id/scoresheet',
    url: (w) => `/api/reviews/assignments/${w.reviewing.assignmentId}/scoresheet`,
    who: (w) => w.users.juror,
    body: (w) => ({
      scores: { plan: 1 },
      status: 'submitted',
      jurorId: w.users.juror2.user.id,
      assignmentId: id(),
      total: 100,
      submittedAt: now(),
    }),
    named: ['status', 'jurorId', 'assignmentId', 'total', 'submittedAt'],
  },
  {
    route: 'POST /api/competitions/:id/awards',
    url: (w) => `/api/competitions/${w.awarded.competitionId}/awards`,
    who: (w) => w.users.manager,
    body: (w) => ({
      items: [{ applicationId: id(), amount: '60000000', status: 'approved', approvedBy: w.users.manager2.user.id }],
      status: 'approved',
    }),
    named: ['items.0.status', 'items.0.approvedBy', 'status'],
  },
  {
    route: 'PATCH /api/awards/:id',
    url: (w) => `/api/awards/${w.awarded.proposedAwardId}`,
    who: (w) => w.users.manager,
    body: (w) => ({
      amount: '60000000',
      status: 'approved',
      approvedBy: w.users.manager2.user.id,
      proposedBy: w.users.manager2.user.id,
      requested: '1',
      paid: true,
    }),
    named: ['status', 'approvedBy', 'proposedBy', 'requested', 'paid'],
  },
  {
    route: 'PUT /api/awards/:id/tranches',
    url: (w) => `/api/awards/${w.awarded.proposedAwardId}/tranches`,
    who: (w) => w.users.manager,
    body: () => ({ amounts: ['60000000'], status: 'paid', tranches: [{ status: 'paid' }] }),
    named: ['status', 'tranches'],
  },
  {
    route: 'POST /api/awards/:id/decline',
    url: (w) => `/api/awards/${w.awarded.awardId}/decline`,
    who: (w) => w.users.applicant,
    body: () => ({ reason: 'No', status: 'cancelled' }),
    named: ['status'],
  },
  {
    route: 'POST /api/tranches/:id/reports',
    url: (w) => `/api/tranches/${w.awarded.reportTrancheId}/reports`,
    who: (w) => w.users.applicant,
    body: (w) => ({
      body: 'Done',
      jobsCreated: 1,
      spending: [{ ...spending[0], approved: true }],
      fileIds: [],
      status: 'approved',
      reviewedBy: w.users.manager.user.id,
      awardId: id(),
    }),
    named: ['spending.0.approved', 'status', 'reviewedBy', 'awardId'],
  },
  {
    route: 'POST /api/reports/:id/return',
    url: (w) => `/api/reports/${w.awarded.reportId}/return`,
    who: (w) => w.users.manager,
    body: () => ({ comment: 'More photos', status: 'approved' }),
    named: ['status'],
  },
  {
    route: 'POST /api/tranches/:id/payments',
    url: (w) => `/api/tranches/${w.awarded.paidTrancheId}/payments`,
    who: (w) => w.users.finance,
    body: (w) => ({
      bankReference: 'PP-2',
      paidOn: '2026-01-01',
      amount: '999999999',
      status: 'paid',
      awardId: w.awarded.awardId,
      recordedBy: id(),
    }),
    named: ['amount', 'status', 'awardId', 'recordedBy'],
  },
  {
    route: 'POST /api/payments/:id/failure',
    url: (w) => `/api/payments/${w.awarded.paymentId}/failure`,
    who: (w) => w.users.finance,
    body: () => ({ reason: 'Bounced', amount: '1', status: 'paid' }),
    named: ['amount', 'status'],
  },
  {
    route: 'POST /api/plans',
    url: () => '/api/plans',
    who: (w) => w.users.admin,
    body: (w) => ({
      villageId: w.places.spareVillageId,
      title: 'Plan',
      periodStart: 2026,
      periodEnd: 2030,
      goals: [{ code: 'G1', title: { en: 'Water' }, priority: 1, id: id() }],
      status: 'adopted',
      version: 9,
      adoptedAt: now(),
    }),
    named: ['goals.0.id', 'status', 'version', 'adoptedAt'],
  },
  {
    route: 'PATCH /api/plans/:id',
    url: (w) => `/api/plans/${w.places.draftPlanId}`,
    who: (w) => w.users.admin,
    body: () => ({ title: 'Plan', status: 'adopted', villageId: id() }),
    named: ['status', 'villageId'],
  },
  {
    route: 'PATCH /api/villages/:id',
    url: (w) => `/api/villages/${w.places.spareVillageId}`,
    who: (w) => w.users.admin,
    body: () => ({ name: { en: 'Renamed' }, id: id(), districtId: id() }),
    named: ['id', 'districtId'],
  },
];

export function massAssignmentTests(env: SecurityEnv): void {
  describe('mass assignment', () => {
    it('refuses every smuggled field by name with 400 REQUEST.VALIDATION_FAILED, and nothing changes', async () => {
      const before = await fingerprint(env.ctx);
      const wrong: string[] = [];
      for (const c of CASES) {
        const [method, path] = c.route.split(' ');
        const caller = c.who(env.world);
        let req = env.ctx.http()[method.toLowerCase() as 'post'](c.url(env.world)).set('Idempotency-Key', id());
        if (caller) req = req.set(caller.auth);
        const res = await req.send(c.body(env.world));
        const named = ((res.body.details?.fields ?? []) as { field: string }[]).map((f) => f.field).sort();
        const got = { status: res.status, code: res.body.code, named };
        const want = { status: 400, code: 'REQUEST.VALIDATION_FAILED', named: [...c.named].sort() };
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${method} ${path}: ${JSON.stringify(got)}`);
      }
      expect(wrong).toEqual([]);
      expect(await fingerprint(env.ctx)).toEqual(before);
    });
  });
}
