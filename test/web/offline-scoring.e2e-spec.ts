import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { addJuror, createReviewable, roundBody } from '../helpers/review-setup';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

/**
 * The juror's offline scoring page: download the round's form, upload it filled in; problems
 * listed by line in the juror's language with nothing stored; a refused file named at its field.
 */
describe('offline scoring page', () => {
  let ctx: TestContext;
  let cast: Cast;
  let juror: TestUser;
  let roundId: string;
  let assignmentId: string;
  let client: WebClient;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    const setup = await createReviewable(ctx, cast, 1, 1);
    juror = await addJuror(ctx, cast, setup.competitionId);
    await ctx.dataSource.query(`UPDATE users SET preferred_language = 'ru' WHERE id = $1`, [juror.user.id]);
    roundId = (
      await ctx
        .http()
        .post(`/api/competitions/${setup.competitionId}/rounds`)
        .set(cast.manager.auth)
        .send(roundBody())
        .expect(201)
    ).body.id as string;
    await ctx.http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
    assignmentId = (
      await ctx
        .http()
        .post(`/api/rounds/${roundId}/assignments`)
        .set(cast.manager.auth)
        .send({ applicationId: setup.applications[0].id, jurorId: juror.user.id })
        .expect(201)
    ).body.id as string;
    client = await signedInClient(ctx, juror.user.email, PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const upload = (text: string | Buffer, token = client.token) =>
    client.agent
      .post(`/reviews/rounds/${roundId}/offline?_csrf=${encodeURIComponent(token)}`)
      .set('Sec-Fetch-Site', 'same-origin')
      .attach('file', Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), 'scores.txt');
  const sheet = async () =>
    (
      await ctx.dataSource.query('SELECT status, scores FROM scoresheets WHERE assignment_id = $1', [assignmentId])
    )[0] as { status: string; scores: Record<string, number> } | undefined;

  it('explains the three steps in my language and offers the form as a download', async () => {
    const res = await client.page(`/reviews/rounds/${roundId}/offline`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Оценка без интернета');
    expect(res.text).toContain('enctype="multipart/form-data"');
    const file = await client.agent.get(`/reviews/rounds/${roundId}/offline/form.txt`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.text).toContain(`==+== assignment: ${assignmentId}`);
  });

  it('lists each problem with its line and criterion, in my language, and stores nothing', async () => {
    await client.page(`/reviews/rounds/${roundId}/offline`);
    const form = (await client.agent.get(`/reviews/rounds/${roundId}/offline/form.txt`)).text.replace(
      /(==\+== score: plan\n(?:==-==.*\n)*)/,
      '$19\n',
    );
    const res = await upload(form);
    expect(res.status).toBe(422);
    expect(res.text).toContain('ничего не сохранено');
    const line = form.split('\n').indexOf('==+== score: plan') + 1;
    expect(res.text).toContain(`Строка ${line}, критерий «Служит плану села»`);
    expect(res.text).toContain('Балл должен быть от 0 до 4');
    expect(await sheet()).toBeUndefined();
  });

  it('stores a good file and says how many sheets it stored', async () => {
    await client.page(`/reviews/rounds/${roundId}/offline`);
    let form = (await client.agent.get(`/reviews/rounds/${roundId}/offline/form.txt`)).text;
    form = form.replace(/(==\+== score: plan\n(?:==-==.*\n)*)\n/, '$13\n');
    form = form.replace(/(==\+== score: feasibility\n(?:==-==.*\n)*)\n/, '$12\n');
    form = form.replace(/(==\+== submit\n(?:==-==.*\n)*)нет/, '$1да');
    const res = await upload(form);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/reviews/rounds/${roundId}/offline?saved=1&submitted=1`);
    expect(await sheet()).toEqual({ status: 'submitted', scores: { plan: 3, feasibility: 2 } });
    expect((await client.page(res.headers.location as string)).text).toContain(
      'Сохранено листов оценки: 1, из них отправлено: 1.',
    );
  });

  it('names a missing or oversized file at its field, and refuses an upload without the form token', async () => {
    await client.page(`/reviews/rounds/${roundId}/offline`);
    const before = await sheet();
    const empty = await client.agent
      .post(`/reviews/rounds/${roundId}/offline?_csrf=${encodeURIComponent(client.token)}`)
      .set('Sec-Fetch-Site', 'same-origin')
      .field('note', 'no file');
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<a href="#file">Выберите заполненный файл</a>');
    const big = await upload(Buffer.alloc(2 * 1024 * 1024 + 1, 'a'));
    expect(big.status).toBe(303);
    expect(big.headers.location).toBe(`/reviews/rounds/${roundId}/offline?problem=too-large`);
    expect((await client.page(big.headers.location as string)).text).toContain('не больше 2 МБ');
    expect((await upload('x', 'forged')).status).toBe(403);
    expect(await sheet()).toEqual(before);
  });

  it('is the juror’s own: another juror and a manager cannot open it', async () => {
    const stranger = await addJuror(ctx, cast, (await createReviewable(ctx, cast, 1, 1)).competitionId);
    const other = await signedInClient(ctx, stranger.user.email, PASSWORD);
    expect((await other.page(`/reviews/rounds/${roundId}/offline`)).status).toBe(404);
    expect((await other.agent.get(`/reviews/rounds/${roundId}/offline/form.txt`)).status).toBe(404);
    expect((await other.page(`/reviews/rounds/not-a-uuid/offline`)).status).toBe(404);
    const manager = await signedInClient(ctx, cast.manager.user.email, PASSWORD);
    expect((await manager.page(`/reviews/rounds/${roundId}/offline`)).status).toBe(403);
  });
});
