import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../src/modules/stored-files/storage/attachment-storage';
import { auditOf, expectError } from './helpers/assertions';
import {
  Cast,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  createUser,
  TestUser,
} from './helpers/factories';
import { sampleDocx, sampleJpeg, samplePdf, samplePng, sampleXlsx } from './helpers/sample-files';
import { createTestApp, TestContext } from './helpers/test-app';

const MAX_BYTES = 4096;
const MAX_COUNT = 3;
const QUOTA_BYTES = 10_000;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Every regular file under a folder, as paths relative to it. */
async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(folder, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(prefix, entry.name);
    files.push(...(entry.isDirectory() ? await filesUnder(folder, path) : [path]));
  }
  return files.sort();
}

describe('attachments', () => {
  let ctx: TestContext;
  let cast: Cast;
  let folder: string;
  let competitionId: string;
  let goalId: string;
  let villageId: string;

  const applicant = async (): Promise<TestUser> => {
    const user = await createUser(ctx, { roles: ['applicant'], homeVillageId: villageId });
    await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [user.user.id]);
    return user;
  };
  const draftOf = async (who: TestUser, body: Record<string, unknown> = { title: 'With files' }): Promise<string> =>
    (await ctx.http().post(`/api/competitions/${competitionId}/applications`).set(who.auth).send(body).expect(201)).body
      .id as string;
  const upload = (who: TestUser, applicationId: string, data: Buffer, name: string) =>
    ctx.http().post(`/api/applications/${applicationId}/attachments`).set(who.auth).attach('file', data, name);
  const download = (who: TestUser, applicationId: string, attachmentId: string) =>
    ctx
      .http()
      .get(`/api/applications/${applicationId}/attachments/${attachmentId}`)
      .set(who.auth)
      .buffer(true)
      .parse(binary);
  const rowsOf = async (applicationId: string): Promise<{ storage_key: string }[]> =>
    ctx.dataSource.query('SELECT storage_key FROM attachments WHERE application_id = $1', [applicationId]);

  /** The folder holds exactly one file per attachment row, and no temporary debris. */
  const expectStorageMatchesRows = async () => {
    const keys: { storage_key: string }[] = await ctx.dataSource.query('SELECT storage_key FROM attachments');
    expect(await filesUnder(folder)).toEqual(keys.map((k) => join(k.storage_key.slice(0, 2), k.storage_key)).sort());
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'startup-attachments-'));
    ctx = await createTestApp({
      ATTACHMENT_DIR: folder,
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
      ATTACHMENT_MAX_COUNT: String(MAX_COUNT),
      ATTACHMENT_QUOTA_BYTES: String(QUOTA_BYTES),
    });
    cast = await createCast(ctx);
    const places = await createPlaces(ctx, cast.admin.user.id, 1);
    villageId = places.villageIds[0];
    goalId = (await createAdoptedPlan(ctx, cast.admin.user.id, villageId)).goals![0].id;
    competitionId = (
      await createCompetition(ctx, cast.manager.user.id, [villageId], {
        open: true,
        minAward: '50000000',
        maxApplicationsPerApplicant: 1,
      })
    ).id;
  });
  afterAll(async () => {
    await ctx.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('uploads a PDF, lists it, and downloads the same bytes as an attachment; the audit keeps no name', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    const pdf = samplePdf(2000);
    const created = await upload(owner, id, pdf, 'Бизнес-план (итог).pdf').expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Бизнес-план (итог).pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      // Until a manager checks it, a file counts as one that may reveal the applicant.
      identifying: true,
      createdAt: expect.any(String),
    });
    for (const viewer of [owner, cast.manager, cast.admin]) {
      const list = await ctx.http().get(`/api/applications/${id}/attachments`).set(viewer.auth).expect(200);
      expect(list.body).toEqual({ items: [created.body], total: 1, limit: 20, offset: 0 });
      const file = await download(viewer, id, created.body.id).expect(200);
      expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
      expect(sha256(file.body as Buffer)).toBe(created.body.sha256);
      expect(file.headers).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        'x-content-type-options': 'nosniff',
      });
      const disposition = file.headers['content-disposition'] as string;
      expect(disposition).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('Бизнес-план (итог).pdf');
    }
    const [event] = (await auditOf(ctx, 'application', id, cast.admin.auth)).filter(
      (e) => e.action === 'attachment.uploaded',
    );
    expect(event).toMatchObject({
      actorId: owner.user.id,
      after: { attachmentId: created.body.id, mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
    });
    expect(Object.keys(event.after!).sort()).toEqual(['attachmentId', 'mediaType', 'sha256', 'size']);
    await expectStorageMatchesRows();
  });

  it.each([
    ['photo.JPG', sampleJpeg(), 'image/jpeg'],
    ['plan.png', samplePng(), 'image/png'],
    ['plan.docx', sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['budget.xlsx', sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('accepts %s by its content', async (name, data, mediaType) => {
    const owner = await applicant();
    const id = await draftOf(owner);
    const res = await upload(owner, id, data, name).expect(201);
    expect(res.body).toMatchObject({ name, mediaType, size: data.length });
    const file = await download(owner, id, res.body.id).expect(200);
    expect(file.headers['content-type']).toBe(mediaType);
  });

  it.each([
    ['PNG bytes', samplePng(), 'ATTACHMENT.TYPE_MISMATCH'],
    ['plain text', Buffer.from('This is a text file pretending to be a PDF.\n'), 'ATTACHMENT.UNSUPPORTED_TYPE'],
    ['HTML', Buffer.from('<html><script>alert(document.cookie)</script></html>'), 'ATTACHMENT.UNSUPPORTED_TYPE'],
    ['nothing at all', Buffer.alloc(0), 'ATTACHMENT.UNSUPPORTED_TYPE'],
  ])('refuses a file named .pdf holding %s, and stores nothing', async (_what, data, code) => {
    const owner = await applicant();
    const id = await draftOf(owner);
    expectError(await upload(owner, id, data, 'application-form.pdf'), 422, code);
    expect(await rowsOf(id)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('refuses a file over the size limit with 413, and stores nothing', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    for (const size of [MAX_BYTES + 1, 2 * 1024 * 1024]) {
      const res = await upload(owner, id, Buffer.concat([samplePdf(0), Buffer.alloc(size)]), 'big.pdf');
      expectError(res, 413, 'ATTACHMENT.TOO_LARGE');
      expect(res.body.details).toEqual({ maxBytes: MAX_BYTES });
    }
    expect(await rowsOf(id)).toEqual([]);
    await expectStorageMatchesRows();
    const fits = await upload(
      owner,
      id,
      Buffer.concat([samplePdf(0), Buffer.alloc(MAX_BYTES - samplePdf(0).length)]),
      'just-fits.pdf',
    ).expect(201);
    expect(fits.body.size).toBe(MAX_BYTES);
    await ctx.http().delete(`/api/applications/${id}/attachments/${fits.body.id}`).set(owner.auth).expect(204);
    expect(await rowsOf(id)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('keeps only the base name of a path, and stores the bytes under a random key', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    const res = await upload(owner, id, samplePdf(), '../../etc/passwd.pdf').expect(201);
    expect(res.body.name).toBe('passwd.pdf');
    const [row] = await rowsOf(id);
    expect(row.storage_key).toMatch(/^[0-9a-f]{32}$/);
    expect(await filesUnder(folder)).toContain(join(row.storage_key.slice(0, 2), row.storage_key));
    expect((await filesUnder(folder)).some((f) => f.includes('passwd'))).toBe(false);
    expectError(await upload(owner, id, samplePdf(), 'dir/...'), 400, 'ATTACHMENT.INVALID_NAME');
  });

  it('wants exactly one file in the field "file"', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    expectError(
      await ctx.http().post(`/api/applications/${id}/attachments`).set(owner.auth).send({}),
      400,
      'ATTACHMENT.FILE_REQUIRED',
    );
    expectError(
      await ctx
        .http()
        .post(`/api/applications/${id}/attachments`)
        .set(owner.auth)
        .attach('document', samplePdf(), 'a.pdf'),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    const two = ctx
      .http()
      .post(`/api/applications/${id}/attachments`)
      .set(owner.auth)
      .attach('file', samplePdf(), 'a.pdf')
      .attach('file', samplePdf(), 'b.pdf');
    expectError(await two, 400, 'REQUEST.VALIDATION_FAILED');
    expect(await rowsOf(id)).toEqual([]);
  });

  it('another applicant gets 404 and a juror 403 on every attachment route', async () => {
    const owner = await applicant();
    const intruder = await applicant();
    const id = await draftOf(owner);
    const { body } = await upload(owner, id, samplePdf(), 'mine.pdf').expect(201);
    for (const call of [
      upload(intruder, id, samplePdf(), 'theirs.pdf'),
      ctx.http().get(`/api/applications/${id}/attachments`).set(intruder.auth),
      ctx.http().get(`/api/applications/${id}/attachments/${body.id}`).set(intruder.auth),
      ctx.http().delete(`/api/applications/${id}/attachments/${body.id}`).set(intruder.auth),
      ctx.http().get(`/api/applications/${randomUUID()}/attachments`).set(owner.auth),
    ]) {
      expectError(await call, 404, 'APPLICATION.NOT_FOUND');
    }
    for (const call of [
      upload(cast.juror, id, samplePdf(), 'juror.pdf'),
      ctx.http().get(`/api/applications/${id}/attachments`).set(cast.juror.auth),
      ctx.http().get(`/api/applications/${id}/attachments/${body.id}`).set(cast.juror.auth),
      ctx.http().delete(`/api/applications/${id}/attachments/${body.id}`).set(cast.juror.auth),
    ]) {
      expectError(await call, 403, 'AUTH.FORBIDDEN');
    }
    expectError(
      await ctx.http().get(`/api/applications/${id}/attachments/${randomUUID()}`).set(owner.auth),
      404,
      'ATTACHMENT.NOT_FOUND',
    );
    expect(await rowsOf(id)).toHaveLength(1);
  });

  it('a submitted application keeps its files, readable, but takes no new ones and loses none (409)', async () => {
    const owner = await applicant();
    const id = await draftOf(owner, {
      title: 'Guest house',
      summary: 'Rooms for visitors',
      description: 'Renovate a house.',
      sector: 'tourism',
      goals: [{ goalId, contribution: 'Brings visitors' }],
      requestedAmount: '200000000',
      ownContribution: '50000000',
      budgetLines: [
        { category: 'renovation', amount: '200000000', source: 'grant' },
        { category: 'furniture', amount: '50000000', source: 'own' },
      ],
    });
    const { body } = await upload(owner, id, samplePdf(), 'plan.pdf').expect(201);
    await ctx.http().post(`/api/applications/${id}/submit`).set(owner.auth).expect(200);
    expectError(await upload(owner, id, samplePdf(), 'late.pdf'), 409, 'APPLICATION.NOT_DRAFT');
    expectError(
      await ctx.http().delete(`/api/applications/${id}/attachments/${body.id}`).set(owner.auth),
      409,
      'APPLICATION.NOT_DRAFT',
    );
    await download(owner, id, body.id).expect(200);
    expect(await rowsOf(id)).toHaveLength(1);
    await expectStorageMatchesRows();
  });

  it('enforces the count limit and the quota', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    for (let i = 0; i < MAX_COUNT; i += 1) await upload(owner, id, samplePdf(), `${i}.pdf`).expect(201);
    const res = await upload(owner, id, samplePdf(), 'one-more.pdf');
    expectError(res, 422, 'ATTACHMENT.COUNT_LIMIT');
    const page = await ctx
      .http()
      .get(`/api/applications/${id}/attachments`)
      .query({ limit: 2, offset: 2 })
      .set(owner.auth)
      .expect(200);
    expect(page.body).toMatchObject({ total: MAX_COUNT, limit: 2, offset: 2 });
    expect((page.body.items as { name: string }[]).map((a) => a.name)).toEqual([`${MAX_COUNT - 1}.pdf`]);

    const other = await applicant();
    const second = await draftOf(other);
    await upload(other, second, samplePdf(3900), 'a.pdf').expect(201);
    await upload(other, second, samplePdf(3900), 'b.pdf').expect(201);
    expectError(await upload(other, second, samplePdf(3900), 'c.pdf'), 422, 'ATTACHMENT.QUOTA_EXCEEDED');
    await upload(other, second, samplePng(100), 'small.png').expect(201);
    await expectStorageMatchesRows();
  });

  it('parallel uploads cannot exceed the count limit', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upload(owner, id, samplePdf(), `race-${i}.pdf`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422, 422, 422]);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'ATTACHMENT.COUNT_LIMIT')).toBe(true);
    expect(await rowsOf(id)).toHaveLength(MAX_COUNT);
    await expectStorageMatchesRows();
  });

  it('removes the bytes when the upload fails after they were written', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    await ctx.dataSource.query(`
      CREATE FUNCTION fail_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by test' USING ERRCODE = 'check_violation'; END $$;
      CREATE TRIGGER fail_attachment BEFORE INSERT ON attachments FOR EACH ROW WHEN (NEW.original_name = 'fail-after-write.pdf') EXECUTE FUNCTION fail_attachment();`);
    const storage = ctx.app.get<AttachmentStorage>(ATTACHMENT_STORAGE);
    const put = jest.spyOn(storage, 'put');
    try {
      expectError(await upload(owner, id, samplePdf(), 'fail-after-write.pdf'), 422, 'DATABASE.CONSTRAINT_VIOLATED');
      expect(put).toHaveBeenCalledTimes(1);
      await expect(put.mock.results[0].value).resolves.toBeUndefined();
      const key = put.mock.calls[0][0];
      await expect(stat(join(folder, key.slice(0, 2), key))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      put.mockRestore();
      await ctx.dataSource.query('DROP TRIGGER fail_attachment ON attachments; DROP FUNCTION fail_attachment()');
    }
    expect(await rowsOf(id)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('deleting removes the row and the file, and is audited', async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    const { body } = await upload(owner, id, samplePng(), 'photo.png').expect(201);
    const [row] = await rowsOf(id);
    await expect(stat(join(folder, row.storage_key.slice(0, 2), row.storage_key))).resolves.toBeTruthy();
    await ctx.http().delete(`/api/applications/${id}/attachments/${body.id}`).set(owner.auth).expect(204);
    await expect(stat(join(folder, row.storage_key.slice(0, 2), row.storage_key))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expectError(
      await ctx.http().get(`/api/applications/${id}/attachments/${body.id}`).set(owner.auth),
      404,
      'ATTACHMENT.NOT_FOUND',
    );
    expectError(
      await ctx.http().delete(`/api/applications/${id}/attachments/${body.id}`).set(owner.auth),
      404,
      'ATTACHMENT.NOT_FOUND',
    );
    const events = await auditOf(ctx, 'application', id, cast.admin.auth);
    expect(events.find((e) => e.action === 'attachment.deleted')).toMatchObject({
      before: { attachmentId: body.id, mediaType: 'image/png' },
      after: null,
    });
    await expectStorageMatchesRows();
  });

  it("deleting a draft removes its attachments' files too", async () => {
    const owner = await applicant();
    const id = await draftOf(owner);
    await upload(owner, id, samplePng(), 'photo.png').expect(201);
    const [row] = await rowsOf(id);
    await ctx.http().delete(`/api/applications/${id}`).set(owner.auth).expect(204);
    expect(await rowsOf(id)).toEqual([]);
    await expect(stat(join(folder, row.storage_key.slice(0, 2), row.storage_key))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expectStorageMatchesRows();
  });
});
