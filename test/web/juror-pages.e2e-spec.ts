import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JuryService } from '../../src/modules/reviews/jury.service';
import { WorkspaceService } from '../../src/modules/reviews/workspace.service';
import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { addJuror, createReviewable, Reviewable, roundBody } from '../helpers/review-setup';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';
import { listRoutes } from '../security/routes';

/**
 * The jurors' pages against the real app: conflicts first, the round's assignments, the blind
 * scoring page (draft, autosave, submit, problems), recusal, and read only after the round closes.
 */
describe('web: the jurors’ workspace', () => {
  let ctx: TestContext;
  let cast: Cast;
  let folder: string;
  let setup: Reviewable;
  let juror: TestUser;
  let juror2: TestUser;
  let roundId: string;
  let client: WebClient;
  /** The juror's assignments: applications 0 (with the files) and 1; juror2's: application 1. */
  let mine: string[];
  let theirs: string;

  const api = () => ctx.http();
  const sql = async <T>(text: string, params: unknown[]) => (await ctx.dataSource.query(text, params)) as T[];
  const declarations = (who: TestUser) =>
    sql<{ id: string; applicant_id: string | null; village_id: string | null; application_id: string | null }>(
      'SELECT id, applicant_id, village_id, application_id FROM conflict_declarations WHERE juror_id = $1 ORDER BY created_at',
      [who.user.id],
    );
  const sheetOf = async (assignmentId: string) =>
    (
      await sql<{ status: string; scores: Record<string, number>; comments: Record<string, string>; comment: string }>(
        'SELECT status, scores, comments, comment FROM scoresheets WHERE assignment_id = $1',
        [assignmentId],
      )
    )[0] ?? null;
  const assign = async (applicationId: string, who: TestUser) =>
    (
      await api()
        .post(`/api/rounds/${roundId}/assignments`)
        .set(cast.manager.auth)
        .send({ applicationId, jurorId: who.user.id })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'startup-juror-pages-'));
    ctx = await createTestApp({ ATTACHMENT_DIR: folder });
    cast = await createCast(ctx);
    setup = await createReviewable(ctx, cast, 4, 2);
    // The first applicant: a name, address and phone the blind page must never show.
    await ctx.dataSource.query(
      `UPDATE users SET full_name = 'Aigerim Nurlanovna', phone = '+77015550123' WHERE id = $1`,
      [setup.applications[0].applicant.user.id],
    );
    await api()
      .patch(`/api/applications/${setup.applications[0].id}/attachments/${setup.attachments.quote}`)
      .set(cast.manager.auth)
      .send({ identifying: false })
      .expect(200);
    juror = await addJuror(ctx, cast, setup.competitionId, { confirm: false });
    juror2 = await addJuror(ctx, cast, setup.competitionId);
    await ctx.dataSource.query(`UPDATE users SET preferred_language = 'en' WHERE id = ANY($1)`, [
      [juror.user.id, juror2.user.id],
    ]);
    const round = await api()
      .post(`/api/competitions/${setup.competitionId}/rounds`)
      .set(cast.manager.auth)
      .send(roundBody())
      .expect(201);
    roundId = round.body.id;
    await api().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
    theirs = await assign(setup.applications[1].id, juror2);
    client = await signedInClient(ctx, juror.user.email, PASSWORD);
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('sends a juror who has not confirmed conflicts to them first', async () => {
    const home = await client.page('/reviews');
    expect(home.status).toBe(200);
    expect(home.text).toContain('First declare your conflicts of interest');
    expect(home.text).toContain(`href="/reviews/competitions/${setup.competitionId}/conflicts"`);
    const round = await client.page(`/reviews/rounds/${roundId}`);
    expect(round.status).toBe(303);
    expect(round.headers.location).toBe(`/reviews/competitions/${setup.competitionId}/conflicts`);
  });

  it('lists applicants by name and village only, and refuses bad declarations with nothing stored', async () => {
    const page = await client.page(`/reviews/competitions/${setup.competitionId}/conflicts`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Aigerim Nurlanovna');
    expect(page.text).toContain('Applicant 3');
    // Names and villages only: no titles, references or contacts that the blind workspace could be matched with.
    expect(page.text).not.toContain('Project 0');
    expect(page.text).not.toContain('5550123');
    expect(page.text).not.toMatch(/SU-[A-Z0-9]+-\d{4}-\d+/);

    const none = await client.submit(`/reviews/competitions/${setup.competitionId}/conflicts`, {
      target: '',
      kind: '',
    });
    expect(none.status).toBe(400);
    expect(none.text).toContain('href="#target"');
    expect(none.text).toContain('href="#kind-family"');
    const stranger = await client.submit(`/reviews/competitions/${setup.competitionId}/conflicts`, {
      target: `applicant:${randomUUID()}`,
      kind: 'family',
    });
    expect(stranger.status).toBe(422);
    const forged = await client.submit(`/reviews/competitions/${setup.competitionId}/conflicts`, {
      target: `applicant:${setup.applications[3].applicant.user.id}`,
      kind: 'family',
      admin: 'yes',
    });
    expect(forged.status).toBe(400);
    expect(await declarations(juror)).toEqual([]);
  });

  it('declares, removes and declares again, then confirms; a confirmed declaration stays', async () => {
    const base = `/reviews/competitions/${setup.competitionId}/conflicts`;
    await client.page(base);
    const declared = await client.submit(base, {
      target: `village:${setup.applications[0].villageId}`,
      kind: 'business',
      note: 'My shop is there',
    });
    expect(declared.status).toBe(303);
    expect(declared.headers.location).toBe(`${base}?done=declared`);
    const [village] = await declarations(juror);
    expect(village.village_id).toBe(setup.applications[0].villageId);
    const removed = await client.submit(`${base}/${village.id}/remove`, {});
    expect(removed.status).toBe(303);
    expect(await declarations(juror)).toEqual([]);

    await client.submit(base, { target: `applicant:${setup.applications[3].applicant.user.id}`, kind: 'family' });
    const listed = await client.page(`${base}?done=declared`);
    expect(listed.text).toContain('The conflict of interest is recorded.');
    expect(listed.text).toContain('Applicant: Applicant 3');
    const confirmed = await client.submit(`${base}/confirm`, {});
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.location).toBe('/reviews?done=confirmed');
    const [declaration] = await declarations(juror);
    const late = await client.submit(`${base}/${declaration.id}/remove`, {});
    expect(late.status).toBe(409);
    expect(await declarations(juror)).toHaveLength(1);
    mine = [await assign(setup.applications[0].id, juror), await assign(setup.applications[1].id, juror)];
  });

  it('shows the round with each assignment’s status, and filters by status without JavaScript', async () => {
    const home = await client.page('/reviews');
    expect(home.text).toContain('0 of 2 scored');
    expect(home.text).toContain(`href="/reviews/rounds/${roundId}?status=not_started"`);
    const round = await client.page(`/reviews/rounds/${roundId}`);
    expect(round.status).toBe(200);
    expect(round.text).toContain('Project 0');
    expect(round.text).toContain('Project 1');
    expect(round.text).not.toContain('Project 3');
    expect(round.text.match(/Not started</g)).toHaveLength(2);
    const drafts = await client.page(`/reviews/rounds/${roundId}?status=draft`);
    expect(drafts.text).not.toContain('Project 0');
    expect(drafts.text).toContain('No application is in the chosen state.');
  });

  it('shows the blind scoring page: no name, address or phone, only files marked not identifying', async () => {
    const page = await client.page(`/reviews/assignments/${mine[0]}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Project 0');
    expect(page.text).toContain('Summary 0');
    for (const identity of [
      'Aigerim',
      'Nurlanovna',
      setup.applications[0].applicant.user.email,
      '5550123',
      '+7 701 555',
      'Applicant 0',
    ])
      expect(page.text).not.toContain(identity);
    expect(page.text).not.toMatch(/SU-[A-Z0-9]+-\d{4}-\d+/);
    // Each criterion a group of radios 0..4 with its level descriptors; a comment per criterion.
    expect(page.text).toContain('id="score-plan-0"');
    expect(page.text).toContain('id="score-feasibility-4"');
    expect(page.text).toContain('name="comment-feasibility"');
    expect(page.text).toContain('strong');
    expect(page.text).toContain(`href="/reviews/assignments/${mine[0]}/attachments/${setup.attachments.quote}"`);
    expect(page.text).not.toContain(setup.attachments.cv);
    const file = await client.agent.get(`/reviews/assignments/${mine[0]}/attachments/${setup.attachments.quote}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment-1.pdf');
    const cv = await client.agent.get(`/reviews/assignments/${mine[0]}/attachments/${setup.attachments.cv}`);
    expect(cv.status).toBe(404);
  });

  it('saves a draft, refuses a submit with a missing or out-of-scale score with nothing changed, then submits', async () => {
    const path = `/reviews/assignments/${mine[0]}`;
    await client.page(path);
    const saved = await client.submit(path, { 'score-plan': '3', 'comment-plan': 'Fits goal G1', comment: '' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${path}?done=saved`);
    expect(await sheetOf(mine[0])).toEqual({
      status: 'draft',
      scores: { plan: 3 },
      comments: { plan: 'Fits goal G1' },
      comment: '',
    });
    const shown = await client.page(`${path}?done=saved`);
    expect(shown.text).toContain('Draft saved.');
    expect(shown.text).toMatch(/id="score-plan-3"[^>]*checked|checked[^>]*id="score-plan-3"/);
    // The running total so far: 3 of 4 at weight 3 of 5 is 45.
    expect(shown.text).toContain('>45<');

    const missing = await client.submit(`${path}/submit`, { 'score-plan': '3', comment: 'Good' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('href="#score-feasibility-0"');
    expect(missing.text).toContain('Score “Feasible”');
    const outOfScale = await client.submit(`${path}/submit`, { 'score-plan': '9', 'score-feasibility': '2' });
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.text).toContain('href="#score-plan-0"');
    const draftOutOfScale = await client.submit(path, { 'score-plan': '-1' });
    expect(draftOutOfScale.status).toBe(400);
    const unknown = await client.submit(path, { 'score-plan': '2', 'score-budget': '1' });
    expect(unknown.status).toBe(400);
    expect((await sheetOf(mine[0]))?.scores).toEqual({ plan: 3 });

    const autosave = await client.submit(path, { 'score-plan': '4' }, { 'HX-Request': 'true' });
    expect(autosave.status).toBe(200);
    expect(autosave.text).toMatch(/Saved at \d\d:\d\d/);
    expect(autosave.text).not.toContain('<html');
    expect((await sheetOf(mine[0]))?.scores).toEqual({ plan: 4 });

    const submitted = await client.submit(`${path}/submit`, {
      'score-plan': '4',
      'score-feasibility': '2',
      comment: 'A sound plan',
    });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.location).toBe(`/reviews/rounds/${roundId}?done=submitted`);
    expect(await sheetOf(mine[0])).toMatchObject({ status: 'submitted', scores: { plan: 4, feasibility: 2 } });
    const round = await client.page(submitted.headers.location);
    expect(round.text).toContain('Scoresheet submitted.');
    expect(round.text).toContain('1 of 2 scored');
    expect(round.text).toContain('Submitted<');
  });

  it('keeps the round page and the scoring page, with their assets, under 60 KB gzipped (a juror on a slow line)', async () => {
    for (const path of [`/reviews/rounds/${roundId}`, `/reviews/assignments/${mine[0]}`]) {
      const page = await client.page(path);
      const assets = [...page.text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBe(3);
      let bytes = gzipSync(page.text).length;
      for (const asset of assets) {
        const response = await client.agent.get(asset).set('Accept-Encoding', 'gzip').buffer(true);
        bytes += Number(response.headers['content-length'] ?? gzipSync(response.body as Buffer).length);
      }
      expect(bytes).toBeLessThan(60 * 1024);
    }
  });

  it('answers "not found" for another juror’s assignment on every page and stores nothing', async () => {
    const before = await sheetOf(theirs);
    expect(before).toBeNull();
    for (const path of [
      `/reviews/assignments/${theirs}`,
      `/reviews/assignments/${theirs}/recuse`,
      '/reviews/assignments/nope',
    ])
      expect((await client.page(path)).status).toBe(404);
    expect((await client.submit(`/reviews/assignments/${theirs}`, { 'score-plan': '1' })).status).toBe(404);
    expect(
      (await client.submit(`/reviews/assignments/${theirs}/submit`, { 'score-plan': '1', 'score-feasibility': '1' }))
        .status,
    ).toBe(404);
    expect((await client.submit(`/reviews/assignments/${theirs}/recuse`, { reason: 'Mine now' })).status).toBe(404);
    const file = await client.agent.get(`/reviews/assignments/${theirs}/attachments/${setup.attachments.quote}`);
    expect(file.status).toBe(404);
    expect(await sheetOf(theirs)).toEqual(before);
    const [assignment] = await sql<{ status: string }>('SELECT status FROM assignments WHERE id = $1', [theirs]);
    expect(assignment.status).toBe('active');
  });

  it('keeps one scoresheet per assignment when drafts and submits of two tabs cross', async () => {
    const tabs = [
      await signedInClient(ctx, juror2.user.email, PASSWORD),
      await signedInClient(ctx, juror2.user.email, PASSWORD),
    ];
    const path = `/reviews/assignments/${theirs}`;
    for (const tab of tabs) await tab.page(path);
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        tabs[i % 2].submit(i < 2 ? path : `${path}/submit`, { 'score-plan': String(i), 'score-feasibility': '1' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303]);
    const rows = await sql<{ status: string }>('SELECT status FROM scoresheets WHERE assignment_id = $1', [theirs]);
    expect(rows).toEqual([{ status: 'submitted' }]);
  });

  it('recuses with a reason after a confirmation page; an empty reason changes nothing', async () => {
    const path = `/reviews/assignments/${mine[1]}/recuse`;
    const step = await client.page(path);
    expect(step.status).toBe(200);
    expect(step.text).toContain('This cannot be undone.');
    const empty = await client.submit(path, { reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#reason"');
    const status = async () =>
      (await sql<{ status: string }>('SELECT status FROM assignments WHERE id = $1', [mine[1]]))[0].status;
    expect(await status()).toBe('active');
    const recused = await client.submit(path, { reason: 'I know the family' });
    expect(recused.status).toBe(303);
    expect(recused.headers.location).toBe(`/reviews/rounds/${roundId}?done=recused`);
    expect(await status()).toBe('recused');
    const round = await client.page(`/reviews/rounds/${roundId}?status=recused`);
    expect(round.text).toContain('Project 1');
    expect(round.text).not.toContain(`href="/reviews/assignments/${mine[1]}"`);
    expect((await client.page(`/reviews/assignments/${mine[1]}`)).status).toBe(404);
  });

  it('reads the new reviews reads: overview counts, recused items, named declarations', async () => {
    const [overview] = await ctx.app.get(WorkspaceService).overview(juror.user.id);
    expect(overview).toMatchObject({ roundId, name: 'Round 1', status: 'open', assigned: 1, submitted: 1, recused: 1 });
    const { items } = await ctx.app.get(WorkspaceService).roundItems(juror.user.id, roundId);
    expect(items.map((i) => [i.id, i.assignmentStatus, i.scoresheet])).toEqual([
      [mine[0], 'active', 'submitted'],
      [mine[1], 'recused', null],
    ]);
    const named = await ctx.app.get(JuryService).myDeclarations(juror.user.id, setup.competitionId);
    expect(named).toMatchObject([{ target: 'applicant', applicantName: 'Applicant 3', kind: 'family' }]);
    await expect(ctx.app.get(JuryService).myDeclarations(cast.juror.user.id, setup.competitionId)).rejects.toThrow();
  });

  it('keeps a juror out of every manager page', async () => {
    const manage = listRoutes(ctx.app, 'web').filter((r) => r.method === 'GET' && r.path.startsWith('/manage'));
    const paths = ['/manage', ...manage.map((r) => r.path.replace(/:\w+/g, setup.competitionId))];
    for (const path of paths) {
      const response = await client.page(path);
      expect([403, 404]).toContain(response.status);
    }
  });

  it('shows the scoresheet read only once the round closes, and refuses a save', async () => {
    await api().post(`/api/rounds/${roundId}/close`).set(cast.manager.auth).expect(200);
    const page = await client.page(`/reviews/assignments/${mine[0]}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('this scoresheet is read only');
    expect(page.text).not.toContain('type="radio"');
    expect(page.text).not.toContain('<textarea');
    expect(page.text).not.toContain('/recuse');
    expect(page.text).toContain('A sound plan');
    const refused = await client.submit(`/reviews/assignments/${mine[0]}`, { 'score-plan': '1' });
    expect(refused.status).toBe(409);
    expect((await sheetOf(mine[0]))?.scores).toEqual({ plan: 4, feasibility: 2 });
    const home = await client.page('/reviews');
    expect(home.text).toContain('Read my scoresheets (read only)');
    expect(home.text).toContain('round closed');
  });
});
