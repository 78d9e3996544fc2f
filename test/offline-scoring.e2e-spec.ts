import { expectError } from './helpers/assertions';
import { Cast, createCast, TestUser } from './helpers/factories';
import { addJuror, createReviewable, Reviewable, roundBody } from './helpers/review-setup';
import { createTestApp, TestContext } from './helpers/test-app';

/**
 * Offline scoring: a juror downloads the round's form, fills it in without a connection and
 * uploads it. Rules 4 and 5 hold as on the scoring page: only my own assignments, scores within
 * the scale, only while the round is open, no identity in a blind round; and the file is stored
 * whole or not at all.
 */
describe('offline scoresheet form', () => {
  let ctx: TestContext;
  let cast: Cast;
  let setup: Reviewable;
  let juror: TestUser;
  let juror2: TestUser;
  let roundId: string;
  /** The juror's three assignments, in the order of the applications; juror2 has one. */
  let mine: string[];
  let theirs: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    setup = await createReviewable(ctx, cast, 3, 3);
    juror = await addJuror(ctx, cast, setup.competitionId);
    juror2 = await addJuror(ctx, cast, setup.competitionId);
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
    const assign = async (applicationId: string, who: TestUser) =>
      (
        await ctx
          .http()
          .post(`/api/rounds/${roundId}/assignments`)
          .set(cast.manager.auth)
          .send({ applicationId, jurorId: who.user.id })
          .expect(201)
      ).body.id as string;
    mine = [];
    for (const application of setup.applications) mine.push(await assign(application.id, juror));
    theirs = await assign(setup.applications[0].id, juror2);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const download = async (who: TestUser = juror) => {
    const res = await ctx.http().get(`/api/reviews/rounds/${roundId}/offline-form`).set(who.auth).expect(200);
    return res;
  };
  const upload = (text: string, who: TestUser = juror) =>
    ctx
      .http()
      .post(`/api/reviews/rounds/${roundId}/offline-form`)
      .set(who.auth)
      .attach('file', Buffer.from(text, 'utf8'), 'scores.txt');
  const sheets = async (): Promise<{ assignment_id: string; status: string; scores: Record<string, number> }[]> =>
    ctx.dataSource.query(
      'SELECT assignment_id, status, scores FROM scoresheets WHERE round_id = $1 ORDER BY assignment_id',
      [roundId],
    );

  it('downloads my assignments as one text form in my language, with no identity in a blind round', async () => {
    const res = await download();
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="scoresheets-/);
    const text = res.text;
    for (const id of mine) expect(text).toContain(`==+== assignment: ${id}`);
    expect(text).not.toContain(theirs);
    expect(text).toContain('==+== score: plan');
    expect(text).toContain('Служит плану села');
    expect(text).toContain('Project 0');
    for (const { applicant } of setup.applications) {
      expect(text).not.toContain(applicant.user.fullName);
      expect(text).not.toContain(applicant.user.email);
    }
    expect(text).not.toContain('Applicant 0');
    expect(text).not.toContain('+77010000000');
  });

  it('stores every filled-in sheet of the file, drafts and submissions, as the scoring page would', async () => {
    let form = (await download()).text;
    form = fill(form, mine[0], 'score: plan', '3');
    form = fill(form, mine[0], 'score: feasibility', '4');
    form = fill(form, mine[0], 'note: plan', 'Хорошо\nвторая строка');
    form = fill(form, mine[0], 'submit', 'да');
    form = fill(form, mine[1], 'score: plan', '2');
    const res = await upload(form).expect(200);
    expect(res.body).toEqual({ saved: 2, submitted: 1 });
    const stored = new Map((await sheets()).map((s) => [s.assignment_id, s]));
    expect(stored.get(mine[0])).toMatchObject({ status: 'submitted', scores: { plan: 3, feasibility: 4 } });
    expect(stored.get(mine[1])).toMatchObject({ status: 'draft', scores: { plan: 2 } });
    expect(stored.has(mine[2])).toBe(false);
    const view = await ctx.http().get(`/api/reviews/assignments/${mine[0]}`).set(juror.auth).expect(200);
    expect(view.body.scoresheet.comments).toEqual({ plan: 'Хорошо\nвторая строка' });
    const [audit] = (await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'scoresheet.submitted' AND entity_id = $1`,
      [roundId],
    )) as { n: number }[];
    expect(audit.n).toBe(1);

    // The next download carries what is stored, so the juror continues where they stopped.
    const again = (await download()).text;
    expect(valueOf(again, mine[0], 'score: plan')).toBe('3');
    expect(valueOf(again, mine[0], 'submit')).toBe('да');
    expect(valueOf(again, mine[1], 'score: plan')).toBe('2');
  });

  it('stores nothing when any line is wrong, and names each line and criterion', async () => {
    const before = await sheets();
    let form = (await download()).text;
    form = fill(form, mine[1], 'score: feasibility', '3');
    form = fill(form, mine[2], 'score: plan', '9');
    form = fill(form, mine[2], 'score: feasibility', 'хорошо');
    form = fill(form, mine[2], 'submit', 'может быть');
    const res = await upload(form);
    expectError(res, 400, 'REVIEW.OFFLINE_FORM_INVALID');
    expect(res.body.message).toMatch(/ничего не сохранено/);
    const lines = form.split('\n');
    const problems = res.body.details.problems as { line: number; problem: string; criterion?: string }[];
    expect(problems.map((p) => [p.problem, p.criterion, lines[p.line - 1]])).toEqual([
      ['out_of_scale', 'plan', '==+== score: plan'],
      ['not_a_number', 'feasibility', '==+== score: feasibility'],
      ['bad_submit', undefined, '==+== submit'],
    ]);
    expect(await sheets()).toEqual(before);
  });

  it('refuses a section of another juror’s assignment, and stores none of the file', async () => {
    const before = await sheets();
    let form = (await download()).text;
    form = fill(form, mine[2], 'score: plan', '1');
    form += `\n==+== assignment: ${theirs}\n==+== score: plan\n0\n`;
    const res = await upload(form);
    expectError(res, 400, 'REVIEW.OFFLINE_FORM_INVALID');
    expect(res.body.details.problems).toEqual([
      expect.objectContaining({ problem: 'unknown_assignment', assignmentId: theirs }),
    ]);
    expect(await sheets()).toEqual(before);
  });

  it('answers bad files and strangers with a code, and changes nothing', async () => {
    const before = await sheets();
    expectError(await upload('just some text'), 400, 'REVIEW.OFFLINE_FORM_INVALID');
    expectError(
      await ctx.http().post(`/api/reviews/rounds/${roundId}/offline-form`).set(juror.auth).send({}),
      400,
      'REVIEW.OFFLINE_FORM_INVALID',
    );
    expectError(await upload('x'.repeat(2 * 1024 * 1024 + 1)), 413, 'REQUEST.TOO_LARGE');
    const outsider = await addJuror(ctx, cast, (await createReviewable(ctx, cast, 1, 1)).competitionId);
    expectError(
      await ctx.http().get(`/api/reviews/rounds/${roundId}/offline-form`).set(outsider.auth),
      404,
      'REVIEW.ROUND_NOT_FOUND',
    );
    expect((await ctx.http().get(`/api/reviews/rounds/${roundId}/offline-form`).set(cast.applicant.auth)).status).toBe(
      403,
    );
    expect(await sheets()).toEqual(before);
  });

  it('refuses an upload once the round is closed: the form is read only then', async () => {
    const form = fill((await download(juror2)).text, theirs, 'score: plan', '4');
    await ctx.http().post(`/api/rounds/${roundId}/close`).set(cast.manager.auth).expect(200);
    expectError(await upload(form, juror2), 409, 'REVIEW.ROUND_NOT_OPEN');
    expect((await sheets()).some((s) => s.assignment_id === theirs)).toBe(false);
  });
});

/** The line index just after the field line `field` of the section of `assignmentId`, and past its notes. */
function valueStart(lines: string[], assignmentId: string, field: string): number {
  const start = lines.indexOf(`==+== assignment: ${assignmentId}`);
  const at = lines.findIndex((line, i) => i > start && line === `==+== ${field}`);
  if (start < 0 || at < 0) throw new Error(`no field ${field} for ${assignmentId}`);
  let index = at + 1;
  while (lines[index]?.startsWith('==-==')) index += 1;
  return index;
}

/** Writes `value` as the field's value, as a juror would in a text editor. */
function fill(form: string, assignmentId: string, field: string, value: string): string {
  const lines = form.split('\n');
  const start = valueStart(lines, assignmentId, field);
  let end = start;
  while (end < lines.length && !lines[end].startsWith('==+==') && lines[end] !== '') end += 1;
  lines.splice(start, end - start, ...value.split('\n'));
  return lines.join('\n');
}

function valueOf(form: string, assignmentId: string, field: string): string {
  const lines = form.split('\n');
  return lines[valueStart(lines, assignmentId, field)];
}
