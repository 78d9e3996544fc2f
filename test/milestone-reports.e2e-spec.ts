import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditOf, countRows, expectError } from './helpers/assertions';
import { Awardable, createAwardable } from './helpers/award-setup';
import { Cast, createCast, TestUser } from './helpers/factories';
import { samplePdf, samplePng } from './helpers/sample-files';
import { createTestApp, TestContext } from './helpers/test-app';

const MAX_BYTES = 4096;
const MAX_COUNT = 3;

async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(folder, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(prefix, entry.name);
    files.push(...(entry.isDirectory() ? await filesUnder(folder, path) : [path]));
  }
  return files.sort();
}

interface TrancheBody {
  id: string;
  position: number;
  amount: string;
  status: string;
  approvedAt: string | null;
}
interface AwardBody {
  id: string;
  applicationId: string;
  amount: string;
  status: string;
  tranches: TrancheBody[];
}

/** After the decision: tranche schedules, the grantee's files, milestone reports and their review. */
describe('milestone reports', () => {
  let ctx: TestContext;
  let cast: Cast;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'startup-award-files-'));
    ctx = await createTestApp({
      ATTACHMENT_DIR: folder,
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
      ATTACHMENT_MAX_COUNT: String(MAX_COUNT),
      ATTACHMENT_QUOTA_BYTES: String(4 * MAX_BYTES),
    });
    cast = await createCast(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const http = () => ctx.http();
  const propose = async (competitionId: string) =>
    (await http().post(`/api/competitions/${competitionId}/awards`).set(cast.manager.auth).send({}).expect(201))
      .body as AwardBody[];
  const approve = async (awardId: string) =>
    http().post(`/api/awards/${awardId}/approve`).set(cast.manager2.auth).expect(200);
  const accept = async (awardId: string, grantee: TestUser) =>
    (await http().post(`/api/awards/${awardId}/accept`).set(grantee.auth).expect(200)).body as AwardBody;
  const awardOf = async (awardId: string) =>
    (await http().get(`/api/awards/${awardId}`).set(cast.manager.auth).expect(200)).body as AwardBody;
  const trancheAmounts = async (awardId: string) =>
    (
      (await ctx.dataSource.query('SELECT amount FROM tranches WHERE award_id = $1 ORDER BY position', [awardId])) as {
        amount: string;
      }[]
    ).map((t) => t.amount);
  const outbox = async (type: string) =>
    (await ctx.dataSource.query(
      `SELECT recipient_id AS "recipientId", data FROM notifications WHERE type = $1 ORDER BY created_at`,
      [type],
    )) as { recipientId: string; data: Record<string, unknown> }[];
  const upload = (who: TestUser, awardId: string, data: Buffer, name: string) =>
    http().post(`/api/awards/${awardId}/files`).set(who.auth).attach('file', data, name);

  describe('tranche schedule', () => {
    let a: Awardable;
    let awards: AwardBody[];
    const put = (awardId: string, body: unknown, who: TestUser = cast.manager) =>
      http()
        .put(`/api/awards/${awardId}/tranches`)
        .set(who.auth)
        .send(body as object);

    beforeAll(async () => {
      a = await createAwardable(ctx, cast, 2, { budget: '1000000000' });
      awards = await propose(a.competitionId);
    });

    it('a manager sets the amounts while the award is proposed or approved; they are audited', async () => {
      expect(awards[0].tranches.map((t) => t.amount)).toEqual(['50000000', '30000000', '20000000']);
      const res = await put(awards[0].id, { amounts: ['40000000', '40000000', '20000000'] }).expect(200);
      expect(res.body).toMatchObject({ id: awards[0].id, amount: '100000000', status: 'proposed' });
      expect(res.body.tranches.map((t: TrancheBody) => t.amount)).toEqual(['40000000', '40000000', '20000000']);
      await approve(awards[0].id);
      await put(awards[0].id, { amounts: ['60000000', '20000000', '20000000'] }).expect(200);
      expect(await trancheAmounts(awards[0].id)).toEqual(['60000000', '20000000', '20000000']);
      const events = (await auditOf(ctx, 'award', awards[0].id, cast.observer.auth)).filter(
        (e) => e.action === 'award.schedule_changed',
      );
      expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
        [
          cast.manager.user.id,
          { amounts: ['50000000', '30000000', '20000000'] },
          { amounts: ['40000000', '40000000', '20000000'] },
        ],
        [
          cast.manager.user.id,
          { amounts: ['40000000', '40000000', '20000000'] },
          { amounts: ['60000000', '20000000', '20000000'] },
        ],
      ]);
    });

    it('refuses a schedule that does not add up, bad input and other roles, and stores nothing', async () => {
      const id = awards[1].id;
      const before = await trancheAmounts(id);
      const rules = [
        [['50000000', '30000000', '20000001'], 'amounts'],
        [['0', '80000000', '21000000'], 'amounts.0'],
        [['60000000', '41000000'], 'amounts'],
        [['1', '1', '1', '101000000'], 'amounts'],
      ] as const;
      for (const [amounts, field] of rules)
        expectError(await put(id, { amounts }), 422, 'AWARD.INVALID_SCHEDULE', field);
      const invalid: unknown[] = [
        { amounts: ['-1', '50000000', '51000001'] },
        { amounts: ['10.5', '50000000', '51000000'] },
        { amounts: [50000000, 30300000, 20700000] },
        { amounts: [] },
        { amounts: '101000000' },
        {},
        { amounts: ['50500000', '30300000', '20200000'], extra: 1 },
      ];
      for (const body of invalid) expectError(await put(id, body), 400, 'REQUEST.VALIDATION_FAILED');
      expectError(
        await put(id, { amounts: ['50500000', '30300000', '20200000'] }, cast.finance),
        403,
        'AUTH.FORBIDDEN',
      );
      expectError(
        await put(id, { amounts: ['50500000', '30300000', '20200000'] }, a.applications[1].applicant),
        403,
        'AUTH.FORBIDDEN',
      );
      expectError(await put(randomUUID(), { amounts: ['1'] }), 404, 'AWARD.AWARD_NOT_FOUND');
      expectError(await put('nope', { amounts: ['1'] }), 400, 'REQUEST.INVALID_ID');
      expect(await trancheAmounts(id)).toEqual(before);
      // The database's own line behind the service: tranches that do not add up never commit.
      await expect(
        ctx.dataSource.query(`UPDATE tranches SET amount = amount + 1 WHERE award_id = $1 AND position = 1`, [id]),
      ).rejects.toThrow(/CK_awards_tranches_sum|add up/);
      expect(await trancheAmounts(id)).toEqual(before);
    });

    it('is frozen once the grantee has accepted', async () => {
      await accept(awards[0].id, a.applications[0].applicant);
      expectError(
        await put(awards[0].id, { amounts: ['50000000', '30000000', '20000000'] }),
        409,
        'AWARD.SCHEDULE_FROZEN',
      );
      expect(await trancheAmounts(awards[0].id)).toEqual(['60000000', '20000000', '20000000']);
    });
  });

  describe('files and reports', () => {
    let a: Awardable;
    let grantee: TestUser;
    let other: TestUser;
    let award: AwardBody;
    let otherAward: AwardBody;
    let pdf: Buffer;
    let fileId: string;
    let otherFileId: string;

    const submit = (who: TestUser, trancheId: string, body: Record<string, unknown>) =>
      http().post(`/api/tranches/${trancheId}/reports`).set(who.auth).send(body);
    const report = (overrides: Record<string, unknown> = {}) => ({
      body: 'The greenhouse frame is up and the first seedlings are planted.',
      jobsCreated: 2,
      spending: [{ category: 'equipment', description: 'Greenhouse frame', amount: '25000000' }],
      fileIds: [fileId],
      ...overrides,
    });
    /** The folder holds exactly one file per stored row (award files beside application attachments), and no temporary debris. */
    const expectStorageMatchesRows = async () => {
      const keys: { key: string }[] = await ctx.dataSource.query(
        'SELECT storage_key AS key FROM award_files UNION ALL SELECT storage_key FROM attachments',
      );
      expect(await filesUnder(folder)).toEqual(keys.map((k) => join(k.key.slice(0, 2), k.key)).sort());
    };

    beforeAll(async () => {
      a = await createAwardable(ctx, cast, 3, { budget: '1000000000' });
      grantee = a.applications[0].applicant;
      other = a.applications[1].applicant;
      const awards = await propose(a.competitionId);
      for (const x of awards) await approve(x.id);
      award = await accept(awards[0].id, grantee);
      otherAward = await accept(awards[1].id, other);
      // The third stays approved, not yet accepted.
      Object.assign(a, { pending: awards[2] });
    });

    it('the grantee uploads files to their accepted award, checked like attachments; nothing else is stored', async () => {
      pdf = samplePdf(1000);
      const res = await upload(grantee, award.id, pdf, 'receipt.pdf').expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        awardId: award.id,
        name: 'receipt.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        createdAt: expect.any(String),
      });
      fileId = res.body.id;
      otherFileId = (await upload(other, otherAward.id, samplePng(), 'photo.png').expect(201)).body.id;

      expectError(await upload(other, award.id, samplePdf(), 'mine.pdf'), 404, 'AWARD.AWARD_NOT_FOUND');
      expectError(await upload(cast.manager, award.id, samplePdf(), 'staff.pdf'), 403, 'AUTH.FORBIDDEN');
      const pending = (a as Awardable & { pending: AwardBody }).pending;
      expectError(
        await upload(a.applications[2].applicant, pending.id, samplePdf(), 'early.pdf'),
        409,
        'AWARD.WRONG_STATUS',
      );
      expectError(
        await upload(grantee, award.id, Buffer.from('just some text'), 'notes.pdf'),
        422,
        'ATTACHMENT.UNSUPPORTED_TYPE',
      );
      expectError(await upload(grantee, award.id, samplePng(), 'photo.pdf'), 422, 'ATTACHMENT.TYPE_MISMATCH');
      // Refused by multer's limit while reading (the bytes are never all held), with the limit named.
      const big = await upload(grantee, award.id, Buffer.concat([samplePdf(0), Buffer.alloc(MAX_BYTES)]), 'big.pdf');
      expectError(big, 413, 'ATTACHMENT.TOO_LARGE');
      expect(big.body.details).toEqual({ maxBytes: MAX_BYTES });
      expectError(
        await http().post(`/api/awards/${award.id}/files`).set(grantee.auth),
        400,
        'ATTACHMENT.FILE_REQUIRED',
      );
      expect(await countRows(ctx, 'award_files')).toBe(2);
      await expectStorageMatchesRows();

      const [event] = (await auditOf(ctx, 'award', award.id, cast.observer.auth)).filter(
        (e) => e.action === 'award.file_uploaded',
      );
      expect(event).toMatchObject({
        actorId: grantee.user.id,
        after: { fileId, mediaType: 'application/pdf', size: pdf.length },
      });
    });

    it('counts the files of an award against the limit', async () => {
      for (let i = 1; i < MAX_COUNT; i++) await upload(other, otherAward.id, samplePdf(), `extra-${i}.pdf`).expect(201);
      expectError(await upload(other, otherAward.id, samplePdf(), 'one-too-many.pdf'), 422, 'AWARD.FILE_COUNT_LIMIT');
      expect(await countRows(ctx, 'award_files')).toBe(1 + MAX_COUNT);
      const page = await http()
        .get(`/api/awards/${otherAward.id}/files`)
        .query({ limit: 1, offset: MAX_COUNT - 1 })
        .set(other.auth)
        .expect(200);
      expect(page.body).toMatchObject({ total: MAX_COUNT, limit: 1, offset: MAX_COUNT - 1 });
      expect((page.body.items as { name: string }[]).map((f) => f.name)).toEqual([`extra-${MAX_COUNT - 1}.pdf`]);
      await expectStorageMatchesRows();
    });

    it('the grantee and staff list and download files; another grantee cannot', async () => {
      for (const who of [grantee, cast.manager, cast.finance]) {
        const list = await http().get(`/api/awards/${award.id}/files`).set(who.auth).expect(200);
        expect(list.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
        expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([fileId]);
        const res = await http()
          .get(`/api/awards/${award.id}/files/${fileId}`)
          .set(who.auth)
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="receipt.pdf"/);
        expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
      }
      expectError(await http().get(`/api/awards/${award.id}/files`).set(other.auth), 404, 'AWARD.AWARD_NOT_FOUND');
      expectError(
        await http().get(`/api/awards/${award.id}/files/${fileId}`).set(other.auth),
        404,
        'AWARD.AWARD_NOT_FOUND',
      );
      expectError(
        await http().get(`/api/awards/${award.id}/files/${otherFileId}`).set(cast.manager.auth),
        404,
        'AWARD.FILE_NOT_FOUND',
      );
      expectError(
        await http().get(`/api/awards/${award.id}/files/${randomUUID()}`).set(grantee.auth),
        404,
        'AWARD.FILE_NOT_FOUND',
      );
    });

    it('refuses reports that are invalid, not the grantee’s, for a tranche released on signing, or with files of another award; stores nothing', async () => {
      const [signing, midterm] = award.tranches;
      const invalid: [Record<string, unknown>, string][] = [
        [report({ body: '' }), 'body'],
        [report({ body: '   ' }), 'body'],
        [report({ body: 'x'.repeat(20001) }), 'body'],
        [report({ jobsCreated: -1 }), 'jobsCreated'],
        [report({ jobsCreated: 10001 }), 'jobsCreated'],
        [report({ jobsCreated: 1.5 }), 'jobsCreated'],
        [report({ spending: [{ category: 'equipment', description: 'x', amount: '-5' }] }), 'spending.0.amount'],
        [report({ spending: [{ category: '', description: 'x', amount: '5' }] }), 'spending.0.category'],
        [
          report({ spending: [{ category: 'equipment', description: 'x', amount: '5', extra: true }] }),
          'spending.0.extra',
        ],
        [
          report({ spending: Array.from({ length: 201 }, () => ({ category: 'c', description: 'd', amount: '1' })) }),
          'spending',
        ],
        [report({ fileIds: ['nope'] }), 'fileIds'],
        [report({ fileIds: Array.from({ length: 51 }, () => randomUUID()) }), 'fileIds'],
        [report({ fileIds: [fileId, fileId.toUpperCase()] }), 'fileIds'],
        [{ ...report(), status: 'approved' }, 'status'],
      ];
      for (const [body, field] of invalid)
        expectError(await submit(grantee, midterm.id, body), 400, 'REQUEST.VALIDATION_FAILED', field);
      expectError(
        await submit(grantee, midterm.id, report({ fileIds: [fileId, otherFileId] })),
        422,
        'AWARD.FILE_NOT_ON_AWARD',
        'fileIds.1',
      );
      expectError(
        await submit(grantee, midterm.id, report({ fileIds: [randomUUID()] })),
        422,
        'AWARD.FILE_NOT_ON_AWARD',
        'fileIds.0',
      );
      expectError(await submit(grantee, signing.id, report()), 422, 'AWARD.NO_REPORT_NEEDED');
      expectError(await submit(other, midterm.id, report({ fileIds: [] })), 404, 'AWARD.TRANCHE_NOT_FOUND');
      expectError(await submit(grantee, randomUUID(), report()), 404, 'AWARD.TRANCHE_NOT_FOUND');
      expectError(await submit(cast.manager, midterm.id, report()), 403, 'AUTH.FORBIDDEN');
      expect(await countRows(ctx, 'milestone_reports')).toBe(0);
      expect((await awardOf(award.id)).tranches.map((t) => t.status)).toEqual(['approved', 'planned', 'planned']);
    });

    it('submit, return with a comment (mailed), resubmit, approve: the tranche follows, and each step is audited', async () => {
      const midterm = award.tranches[1];
      const first = await submit(grantee, midterm.id, report()).expect(201);
      expect(first.body).toMatchObject({
        awardId: award.id,
        trancheId: midterm.id,
        status: 'submitted',
        jobsCreated: 2,
        fileIds: [fileId],
        submittedBy: grantee.user.id,
        reviewedBy: null,
      });
      expect(first.body.spending).toEqual([
        { category: 'equipment', description: 'Greenhouse frame', amount: '25000000' },
      ]);
      expect((await awardOf(award.id)).tranches[1].status).toBe('requested');
      expectError(await submit(grantee, midterm.id, report()), 409, 'AWARD.TRANCHE_WRONG_STATUS');

      expectError(
        await http().post(`/api/reports/${first.body.id}/approve`).set(cast.finance.auth),
        403,
        'AUTH.FORBIDDEN',
      );
      expectError(await http().post(`/api/reports/${first.body.id}/approve`).set(grantee.auth), 403, 'AUTH.FORBIDDEN');
      expectError(
        await http().post(`/api/reports/${first.body.id}/return`).set(cast.manager.auth).send({}),
        400,
        'REQUEST.VALIDATION_FAILED',
        'comment',
      );
      expectError(
        await http().post(`/api/reports/${randomUUID()}/approve`).set(cast.manager.auth),
        404,
        'AWARD.REPORT_NOT_FOUND',
      );

      const comment = 'Please add the receipt for the frame.';
      const returned = await http()
        .post(`/api/reports/${first.body.id}/return`)
        .set(cast.manager.auth)
        .send({ comment })
        .expect(200);
      expect(returned.body).toMatchObject({
        status: 'returned',
        reviewComment: comment,
        reviewedBy: cast.manager.user.id,
        reviewedAt: expect.any(String),
      });
      expect((await awardOf(award.id)).tranches[1].status).toBe('returned');
      expect((await outbox('report.returned')).filter((m) => m.data.awardId === award.id)).toEqual([
        {
          recipientId: grantee.user.id,
          data: {
            awardId: award.id,
            reference: expect.stringMatching(/^SU-/),
            competitionTitle: { en: 'Start Up test' },
            trancheNumber: 2,
            trancheLabel: { kk: 'Аралық есеп', ru: 'Промежуточный отчёт', en: 'Mid-term report' },
            comment,
          },
        },
      ]);
      expectError(
        await http().post(`/api/reports/${first.body.id}/return`).set(cast.manager.auth).send({ comment }),
        409,
        'AWARD.REPORT_WRONG_STATUS',
      );
      expectError(
        await http().post(`/api/reports/${first.body.id}/approve`).set(cast.manager.auth),
        409,
        'AWARD.REPORT_WRONG_STATUS',
      );

      const second = await submit(
        grantee,
        midterm.id,
        report({ body: 'Frame up; receipt attached.', jobsCreated: 3 }),
      ).expect(201);
      const approvedBefore = (await outbox('tranche.approved')).filter((m) => m.data.awardId === award.id).length;
      const approved = await http().post(`/api/reports/${second.body.id}/approve`).set(cast.manager2.auth).expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        reviewedBy: cast.manager2.user.id,
        reviewComment: null,
      });
      const tranche = (await awardOf(award.id)).tranches[1];
      expect(tranche).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
      const [row] = await ctx.dataSource.query('SELECT approved_by AS "approvedBy" FROM tranches WHERE id = $1', [
        midterm.id,
      ]);
      expect(row.approvedBy).toBe(cast.manager2.user.id);
      const told = (await outbox('tranche.approved')).filter((m) => m.data.awardId === award.id);
      expect(told).toHaveLength(approvedBefore + 1);
      expect(told.at(-1)).toEqual({
        recipientId: grantee.user.id,
        data: expect.objectContaining({ trancheNumber: 2, amount: midterm.amount }),
      });
      expectError(await submit(grantee, midterm.id, report()), 409, 'AWARD.TRANCHE_WRONG_STATUS');

      const listed = await http().get(`/api/awards/${award.id}/reports`).set(grantee.auth).expect(200);
      expect(listed.body).toMatchObject({ total: 2, limit: 20, offset: 0 });
      expect(listed.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
        [first.body.id, 'returned'],
        [second.body.id, 'approved'],
      ]);
      const page = await http().get(`/api/awards/${award.id}/reports`).query({ limit: 1, offset: 1 }).set(grantee.auth);
      expect(page.body).toEqual({ items: [listed.body.items[1]], total: 2, limit: 1, offset: 1 });
      expect((await auditOf(ctx, 'milestone_report', first.body.id, cast.observer.auth)).map((e) => e.action)).toEqual([
        'report.submitted',
        'report.returned',
      ]);
      const trail = await auditOf(ctx, 'milestone_report', second.body.id, cast.observer.auth);
      expect(trail.map((e) => [e.action, e.after?.status, e.after?.trancheStatus])).toEqual([
        ['report.submitted', 'submitted', 'requested'],
        ['report.approved', 'approved', 'approved'],
      ]);
    });

    it('reports are read by the grantee and staff only', async () => {
      for (const who of [cast.manager, cast.finance, cast.observer])
        expect((await http().get(`/api/awards/${award.id}/reports`).set(who.auth).expect(200)).body.items).toHaveLength(
          2,
        );
      expectError(await http().get(`/api/awards/${award.id}/reports`).set(other.auth), 404, 'AWARD.AWARD_NOT_FOUND');
      expect((await http().get(`/api/awards/${otherAward.id}/reports`).set(other.auth).expect(200)).body).toEqual({
        items: [],
        total: 0,
        limit: 20,
        offset: 0,
      });
    });

    it('an approval and a return of the same report at once: one wins, the other gets 409, and the tranche agrees', async () => {
      const final = award.tranches[2];
      let decided = false;
      for (let round = 0; round < 4 && !decided; round++) {
        const submitted = await submit(grantee, final.id, report({ body: `Final report, take ${round + 1}` })).expect(
          201,
        );
        const [approval, giveBack] = await Promise.all([
          http().post(`/api/reports/${submitted.body.id}/approve`).set(cast.manager.auth),
          http().post(`/api/reports/${submitted.body.id}/return`).set(cast.manager2.auth).send({ comment: 'Not yet' }),
        ]);
        expect([approval.status, giveBack.status].sort()).toEqual([200, 409]);
        expectError(approval.status === 409 ? approval : giveBack, 409, 'AWARD.REPORT_WRONG_STATUS');
        const [state] = await ctx.dataSource.query(
          'SELECT r.status AS report, t.status AS tranche FROM milestone_reports r JOIN tranches t ON t.id = r.tranche_id WHERE r.id = $1',
          [submitted.body.id],
        );
        expect(state).toEqual(
          approval.status === 200
            ? { report: 'approved', tranche: 'approved' }
            : { report: 'returned', tranche: 'returned' },
        );
        decided = approval.status === 200;
      }
      if (!decided) {
        const last = await submit(grantee, final.id, report()).expect(201);
        await http().post(`/api/reports/${last.body.id}/approve`).set(cast.manager.auth).expect(200);
      }
      const [{ n }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE type = 'tranche.approved' AND dedupe_key = $1`,
        [`tranche.approved:${final.id}`],
      );
      expect(n).toBe(1);
    });
  });
});
