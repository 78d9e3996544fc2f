import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { errorMessage } from '../../src/common/i18n/error-message';
import { START_UP_TEMPLATE } from '../../src/modules/reviews/domain/rubric-templates';
import { almatyDate } from '../../src/web/manager/rounds/deadline';
import { formOfMethod, MethodForm, postedFields } from '../../src/web/manager/rounds/method-form';
import { Cast, createCast, createCompetition, createUser, PASSWORD, TestUser } from '../helpers/factories';
import { waitFor } from '../helpers/processes';
import { addJuror, createReviewable, Reviewable } from '../helpers/review-setup';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';
import { startWorker } from '../helpers/worker-context';

const CODES = START_UP_TEMPLATE.method.criteria.map((c) => c.code);
/** Each juror scores every criterion at one level: 4, 0 and 2, so pairs of them disagree widely. */
const LEVEL_OF_JUROR = [4, 0, 2];

/**
 * The managers' round pages against the real app, PostgreSQL, Redis and an in-process worker: a
 * round from the Start Up template, its method edited (bad input refused, nothing stored), the
 * panel, opened, assigned by the engine, changed by hand, reminded, scored, closed, finalized,
 * and its results read; a juror reaches none of it.
 */
describe('web: a manager runs a review round', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let cast: Cast;
  let setup: Reviewable;
  let jurors: TestUser[];
  let manager: WebClient;
  let roundId: string;

  const sql = async <T>(text: string, params: unknown[] = []) => (await ctx.dataSource.query(text, params)) as T[];
  const storedRound = async () =>
    (
      await sql<{ status: string; method: typeof START_UP_TEMPLATE.method; name: string }>(
        'SELECT status, method, name FROM review_rounds WHERE id = $1',
        [roundId],
      )
    )[0];
  const activeAssignments = () =>
    sql<{ id: string; application_id: string; juror_id: string }>(
      `SELECT id, application_id, juror_id FROM assignments WHERE round_id = $1 AND status = 'active' ORDER BY application_id, juror_id`,
      [roundId],
    );
  const runsFinished = () =>
    waitFor(
      async () =>
        (await sql(`SELECT 1 FROM assignment_runs WHERE round_id = $1 AND status = 'queued'`, [roundId])).length === 0
          ? true
          : undefined,
      60000,
      'the assignment runs',
    );
  const inFuture = (days: number) => almatyDate(new Date(Date.now() + days * 24 * 3600 * 1000));
  /** Every juror by a name of their own, as the pages list them. */
  const nameJurors = async () => {
    for (const [i, juror] of jurors.entries()) {
      juror.user.fullName = `Эксперт ${i + 1}`;
      await sql('UPDATE users SET full_name = $2 WHERE id = $1', [juror.user.id, juror.user.fullName]);
    }
  };
  const errorLinks = (html: string) => [...html.matchAll(/<a href="#([\w-]+)">/g)].map((m) => m[1]);

  beforeAll(async () => {
    ctx = await createTestApp();
    worker = await startWorker(ctx.databaseName);
    cast = await createCast(ctx);
    setup = await createReviewable(ctx, cast, 6);
    jurors = [
      await addJuror(ctx, cast, setup.competitionId, { expertise: ['tourism'] }),
      await addJuror(ctx, cast, setup.competitionId, { expertise: ['crafts'] }),
    ];
    await nameJurors();
    await sql(`UPDATE users SET preferred_language = 'ru' WHERE id = $1`, [cast.manager.user.id]);
    manager = await signedInClient(ctx, cast.manager.user.email, PASSWORD);
    // The app, a worker and six applications: seconds on an idle machine, a minute on a busy one.
  }, 180000);
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  }, 60000);

  it('creates a round from the Start Up template, and refuses a new round without a name or a day', async () => {
    const list = await manager.page(`/manage/competitions/${setup.competitionId}/rounds`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('<html lang="ru">');
    expect(list.text).toContain('В этом конкурсе пока нет этапов оценки.');
    const form = await manager.page(`/manage/competitions/${setup.competitionId}/rounds/new`);
    expect(form.text).toContain('Шаблон: Start Up: основные критерии');

    const refused = await manager.submit(`/manage/competitions/${setup.competitionId}/rounds/new`, {
      name: '',
      deadline: '2030-02-31',
      source: 'template:startup',
    });
    expect(refused.status).toBe(400);
    expect(errorLinks(refused.text)).toEqual(['name', 'deadline']);
    expect(await sql('SELECT 1 FROM review_rounds')).toHaveLength(0);

    const created = await manager.submit(`/manage/competitions/${setup.competitionId}/rounds/new`, {
      name: 'Первый тур',
      deadline: inFuture(10),
      source: 'template:startup',
    });
    expect(created.status).toBe(303);
    roundId = /\/manage\/rounds\/([0-9a-f-]{36})\/method$/.exec(created.headers.location)![1];
    const stored = await storedRound();
    expect(stored).toMatchObject({ status: 'draft', name: 'Первый тур' });
    expect(stored.method).toEqual(START_UP_TEMPLATE.method);
  });

  it('edits the method: rows added without saving, bad input refused with every field named, then saved', async () => {
    const page = await manager.page(`/manage/rounds/${roundId}/method`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="plan_alignment"');
    expect(page.text).toContain('Прямо и измеримо служит приоритетным целям плана');
    const before = await storedRound();
    const form: MethodForm = formOfMethod('Первый тур', new Date(Date.now() + 10 * 86400000), before.method);

    const added = await manager.submit(`/manage/rounds/${roundId}/method`, postedFields(form, 'add'));
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="rows" value="6"');
    const removed = await manager.submit(`/manage/rounds/${roundId}/method`, postedFields(form, 'remove-4'));
    expect(removed.text).toContain('name="rows" value="4"');
    expect((await storedRound()).method).toEqual(before.method);

    const bad = structuredClone(form);
    bad.rows[0].weight = '0';
    bad.rows[1].code = 'plan_alignment';
    bad.quorum = '9';
    const refused = await manager.submit(`/manage/rounds/${roundId}/method`, postedFields(bad));
    expect(refused.status).toBe(400);
    expect(errorLinks(refused.text)).toEqual(['weight-0']);
    bad.rows[0].weight = '3';
    const inconsistent = await manager.submit(`/manage/rounds/${roundId}/method`, postedFields(bad));
    expect(inconsistent.status).toBe(400);
    expect(errorLinks(inconsistent.text)).toEqual(['code-1', 'quorum']);
    expect(inconsistent.text).toContain('Кворум — от 1 и не больше числа экспертов на заявку.');
    expect(inconsistent.text).toContain('value="9"');
    expect((await storedRound()).method).toEqual(before.method);

    Object.assign(form, {
      jurorsPerApplication: '2',
      quorum: '2',
      maxLoad: '8',
      disputeSpread: '20',
      disputeMargin: '2',
      disputeMaxShare: '50',
      advanceTop: '3',
    });
    const saved = await manager.submit(`/manage/rounds/${roundId}/method`, postedFields(form));
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/manage/rounds/${roundId}`);
    expect((await storedRound()).method).toMatchObject({
      jurorsPerApplication: 2,
      quorum: 2,
      maxLoad: 8,
      disputeSpread: 20,
      disputeMargin: 2,
      disputeMaxShare: 0.5,
      advancement: { kind: 'top', n: 3 },
      criteria: START_UP_TEMPLATE.method.criteria,
    });
    const preview = await manager.page(`/manage/rounds/${roundId}`);
    expect(preview.text).toContain('Соответствие плану развития села');
    expect(preview.text).toContain('Черновик');
  });

  it('adds a juror to the panel by email; an applicant’s email or no account is refused and nothing stored', async () => {
    const third = await createUser(ctx, { roles: ['juror'] });
    const path = `/manage/competitions/${setup.competitionId}/jurors`;
    await manager.page(path);
    const unknown = await manager.submit(path, { email: 'nobody@example.kz', expertise: '' });
    expect(unknown.status).toBe(400);
    expect(errorLinks(unknown.text)).toEqual(['email']);
    const applicant = await manager.submit(path, { email: setup.applications[0].applicant.user.email, expertise: '' });
    expect(applicant.status).toBe(422);
    expect(errorLinks(applicant.text)).toEqual(['email']);
    const badTags = await manager.submit(path, { email: third.user.email, expertise: 'x' });
    expect(badTags.status).toBe(400);
    expect(await sql('SELECT 1 FROM competition_jurors WHERE user_id = $1', [third.user.id])).toHaveLength(0);

    const added = await manager.submit(path, { email: third.user.email, expertise: 'Tourism, water' });
    expect(added.status).toBe(303);
    const [member] = await sql<{ expertise: string[] }>('SELECT expertise FROM competition_jurors WHERE user_id = $1', [
      third.user.id,
    ]);
    expect(member.expertise).toEqual(['tourism', 'water']);
    const panel = await manager.page(path);
    expect(panel.text).toContain('Не подтверждено');
    expect(panel.text).toMatch(/Подтверждено \d/);
    await ctx
      .http()
      .post(`/api/reviews/competitions/${setup.competitionId}/conflicts/confirm`)
      .set(third.auth)
      .expect(200);
    jurors.push(third);
    await nameJurors();
  });

  it('says in words why a round cannot open, then opens it', async () => {
    const second = await manager.submit(`/manage/competitions/${setup.competitionId}/rounds/new`, {
      name: 'Второй тур',
      deadline: inFuture(20),
      source: `round:${roundId}`,
    });
    expect([second.status, errorLinks(second.text)]).toEqual([303, []]);
    const secondId = /\/manage\/rounds\/([0-9a-f-]{36})\//.exec(second.headers.location)![1];
    await manager.page(`/manage/rounds/${secondId}`);
    const refused = await manager.submit(`/manage/rounds/${secondId}/open`, {});
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(errorMessage('REVIEW.PREVIOUS_ROUND_NOT_FINALIZED', 'ru'));
    expect(
      (await sql<{ status: string }>('SELECT status FROM review_rounds WHERE id = $1', [secondId]))[0].status,
    ).toBe('draft');

    await manager.page(`/manage/rounds/${roundId}`);
    const opened = await manager.submit(`/manage/rounds/${roundId}/open`, {});
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe(`/manage/rounds/${roundId}?done=opened`);
    expect((await storedRound()).status).toBe('open');
    expect((await manager.page(opened.headers.location)).text).toContain('Этап открыт.');

    // Next year's competition starts its round from this one's published method.
    const next = await createCompetition(ctx, cast.manager.user.id, setup.places.villageIds);
    const form = await manager.page(`/manage/competitions/${next.id}/rounds/new`);
    expect(form.text).toContain(`value="round:${roundId}"`);
    const copied = await manager.submit(`/manage/competitions/${next.id}/rounds/new`, {
      name: 'Первый тур',
      deadline: inFuture(20),
      source: `round:${roundId}`,
    });
    expect(copied.status).toBe(303);
    const [source, copy] = await Promise.all(
      [roundId, /\/manage\/rounds\/([0-9a-f-]{36})\//.exec(copied.headers.location)![1]].map(
        async (id) =>
          (await sql<{ method: unknown }>('SELECT method FROM review_rounds WHERE id = $1', [id]))[0].method,
      ),
    );
    expect(copy).toEqual(source);
  });

  it('runs the assignment in the worker and follows it until done', async () => {
    const page = await manager.page(`/manage/rounds/${roundId}/assignments`);
    expect(page.text).toContain('Распределение ещё не запускалось.');
    const started = await manager.submit(`/manage/rounds/${roundId}/assignment-runs`, {});
    expect(started.status).toBe(303);
    await runsFinished();
    const fragment = await manager.page(`/manage/rounds/${roundId}/runs`);
    expect(fragment.status).toBe(200);
    expect(fragment.text).toContain('Выполнено');
    expect(fragment.text).not.toContain('hx-trigger');
    const assignments = await activeAssignments();
    expect(assignments).toHaveLength(12);
    const list = await manager.page(`/manage/rounds/${roundId}/assignments`);
    for (const { title } of setup.applications) expect(list.text).toContain(title);
  });

  it('swaps, removes and adds by hand (a missing reason or a duplicate refused, nothing changed); an infeasible refill explained', async () => {
    const path = `/manage/rounds/${roundId}/assignments`;
    await manager.page(path);
    const [first] = await activeAssignments();
    const onIt = (await activeAssignments()).filter((a) => a.application_id === first.application_id);
    const free = jurors.find((j) => !onIt.some((a) => a.juror_id === j.user.id))!;

    // Each change has a page of its own: the jurors offered are the confirmed ones not on the application yet.
    const change = await manager.page(`/manage/assignments/${first.id}`);
    expect(change.status).toBe(200);
    const offered = [...change.text.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(offered).toContain(free.user.id);
    for (const a of onIt) expect(offered).not.toContain(a.juror_id);
    const add = await manager.page(`${path}/add?application=${first.application_id}`);
    expect(add.status).toBe(200);
    expect(add.text).toContain(`name="applicationId" value="${first.application_id}"`);
    expect((await manager.page(`${path}/add?application=not-an-id`)).status).toBe(400);
    expect((await manager.page(`${path}/add?application=${randomUUID()}`)).status).toBe(404);
    // A hand-edited page number shows the first page.
    expect((await manager.page(`${path}?page=abc`)).text).toContain(`/manage/assignments/${first.id}"`);

    const noReason = await manager.submit(`/manage/assignments/${first.id}/swap`, {
      jurorId: free.user.id,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(errorLinks(noReason.text)).toEqual([`swap-reason-${first.id}`]);
    const duplicate = await manager.submit(path, { applicationId: first.application_id, jurorId: first.juror_id });
    expect(duplicate.status).toBe(409);
    expect(await activeAssignments()).toHaveLength(12);

    const swapped = await manager.submit(`/manage/assignments/${first.id}/swap`, {
      jurorId: free.user.id,
      reason: 'Знаком с заявителем',
    });
    expect(swapped.status).toBe(303);
    const [old] = await sql<{ status: string }>('SELECT status FROM assignments WHERE id = $1', [first.id]);
    expect(old.status).toBe('removed');
    expect(
      (await activeAssignments()).some((a) => a.application_id === first.application_id && a.juror_id === free.user.id),
    ).toBe(true);

    // Another application: its freed place goes to the juror not yet on it.
    const target = (await activeAssignments()).find((a) => a.application_id !== first.application_id)!;
    const removed = await manager.submit(`/manage/assignments/${target.id}/remove`, { reason: 'Перегружен' });
    expect(removed.status).toBe(303);
    await runsFinished();
    const after = await activeAssignments();
    expect(after).toHaveLength(12);
    expect(after.some((a) => a.id === target.id)).toBe(false);

    // The swapped application: both jurors who left it stay out, so no one can take the freed place.
    const last = (await activeAssignments()).find((a) => a.application_id === first.application_id)!;
    await manager.submit(`/manage/assignments/${last.id}/remove`, { reason: 'Самоотвод по телефону' });
    await runsFinished();
    expect(await activeAssignments()).toHaveLength(11);
    const [{ reference }] = await sql<{ reference: string }>('SELECT reference FROM applications WHERE id = $1', [
      first.application_id,
    ]);
    const explained = await manager.page(path);
    expect(explained.text).toContain('Распределение невозможно');
    expect(explained.text).toContain(`после учёта конфликтов интересов не хватает экспертов: ${reference}`);
  });

  it('reminds one juror by mail through the outbox, once a day, also when clicked twice at once', async () => {
    const page = await manager.page(`/manage/rounds/${roundId}`);
    expect(page.text).toContain('Ход оценки по экспертам');
    // A juror with unfinished sheets: the engine and the changes above decide who has assignments.
    const [{ jurorId }] = await sql<{ jurorId: string }>(
      `SELECT juror_id AS "jurorId" FROM assignments WHERE round_id = $1 AND status = 'active' ORDER BY juror_id LIMIT 1`,
      [roundId],
    );
    const reminders = () =>
      sql(`SELECT 1 FROM notifications WHERE type = 'review.deadline_reminder' AND recipient_id = $1`, [jurorId]);
    // Two clicks at once (two tabs): both answered, one mail.
    const [sent, again] = await Promise.all(
      [0, 1].map(() => manager.submit(`/manage/rounds/${roundId}/reminders`, { jurorId })),
    );
    expect([sent.status, again.status]).toEqual([303, 303]);
    expect(sent.headers.location).toBe(`/manage/rounds/${roundId}?done=reminded`);
    expect((await manager.page(sent.headers.location)).text).toContain('Напоминание отправлено.');
    await manager.submit(`/manage/rounds/${roundId}/reminders`, { jurorId });
    expect(await reminders()).toHaveLength(1);
    const stranger = await manager.submit(`/manage/rounds/${roundId}/reminders`, { jurorId: cast.juror.user.id });
    expect(stranger.status).toBe(404);
  });

  it('closes only when confirmed, and finalizes in the worker', async () => {
    for (const [index, juror] of jurors.entries()) {
      const mine = await sql<{ id: string }>(
        `SELECT id FROM assignments WHERE round_id = $1 AND juror_id = $2 AND status = 'active'`,
        [roundId, juror.user.id],
      );
      const scores = Object.fromEntries(CODES.map((code) => [code, LEVEL_OF_JUROR[index]]));
      for (const { id } of mine)
        await ctx
          .http()
          .put(`/api/reviews/assignments/${id}/scoresheet`)
          .set(juror.auth)
          .send({ scores, submit: true })
          .expect(200);
    }
    await manager.page(`/manage/rounds/${roundId}`);
    const unconfirmed = await manager.submit(`/manage/rounds/${roundId}/close`, {});
    expect(unconfirmed.status).toBe(400);
    expect(errorLinks(unconfirmed.text)).toEqual(['confirm']);
    expect((await storedRound()).status).toBe('open');
    const closed = await manager.submit(`/manage/rounds/${roundId}/close`, { confirm: 'yes' });
    expect(closed.status).toBe(303);
    expect((await storedRound()).status).toBe('closed');

    const early = await manager.page(`/manage/rounds/${roundId}/results`);
    expect(early.status).toBe(404);
    await manager.page(`/manage/rounds/${roundId}`);
    const finalizing = await manager.submit(`/manage/rounds/${roundId}/finalize`, { confirm: 'yes' });
    expect(finalizing.status).toBe(303);
    await waitFor(
      async () => ((await storedRound()).status === 'finalized' ? true : undefined),
      60000,
      'the round to be finalized',
    );
  });

  it('shows the results: both scores, spread, gates, quorum, the discussion list, agreement and each juror’s scores', async () => {
    const page = await manager.page(`/manage/rounds/${roundId}/results`);
    expect(page.status).toBe(200);
    const results = await sql<{ reference: string; official: number; disputed: boolean; spread: number }>(
      `SELECT a.reference, r.official, r.disputed, r.spread FROM round_results r JOIN applications a ON a.id = r.application_id WHERE r.round_id = $1`,
      [roundId],
    );
    expect(results).toHaveLength(6);
    for (const r of results) expect(page.text).toContain(r.reference);
    const disputed = results.filter((r) => r.disputed);
    expect(disputed.length).toBeGreaterThan(0);
    const discussion = page.text.slice(page.text.indexOf('id="discussion"'), page.text.indexOf('id="crossings"'));
    for (const r of disputed) expect(discussion).toContain(r.reference);
    expect(page.text).toContain('Официальный балл');
    expect(page.text).toContain('Скорректированный балл');
    expect(page.text).toMatch(
      /Эксперты согласны между собой сильно|Эксперты согласны (умеренно|слабо)|Данных недостаточно/,
    );
    expect(page.text).toContain('Заявки, пересекающие линию прохода');
    // The application left with one juror has no quorum.
    expect(page.text).toContain('<td>Нет</td>');
    expect(page.text).toContain('Недостаточно оценочных листов');
    // One histogram per juror who scored: the swaps and removals above can leave a panel member with no sheet.
    const scored = await sql<{ juror: string }>(
      `SELECT DISTINCT t->>'jurorId' AS juror FROM round_results r, jsonb_array_elements(r.totals) t WHERE r.round_id = $1`,
      [roundId],
    );
    expect(scored.length).toBeGreaterThanOrEqual(2);
    expect(page.text.match(/<svg class="chart histogram"/g)).toHaveLength(scored.length);
    for (const juror of jurors.filter((j) => scored.some((s) => s.juror === j.user.id)))
      expect(page.text).toContain(`${juror.user.fullName}: распределение оценок`);

    // The ranking and the jurors' distributions page apart; the discussion list stays on every page.
    const second = await manager.page(`/manage/rounds/${roundId}/results?page=2`);
    const ranking = (html: string) => html.slice(html.indexOf('id="ranking"'), html.indexOf('id="discussion"'));
    for (const r of results) expect(ranking(second.text)).not.toContain(r.reference);
    for (const r of disputed) expect(second.text).toContain(r.reference);
    expect(second.text.match(/<svg class="chart histogram"/g)).toHaveLength(scored.length);
    const noJurors = await manager.page(`/manage/rounds/${roundId}/results?jurors=2`);
    for (const r of results) expect(ranking(noJurors.text)).toContain(r.reference);
    expect(noJurors.text).not.toContain('<svg class="chart histogram"');
  });

  it('lets a juror open none of these pages', async () => {
    const juror = await signedInClient(ctx, jurors[0].user.email, PASSWORD);
    const paths = [
      `/manage/competitions/${setup.competitionId}/rounds`,
      `/manage/competitions/${setup.competitionId}/rounds/new`,
      `/manage/competitions/${setup.competitionId}/jurors`,
      `/manage/rounds/${roundId}`,
      `/manage/rounds/${roundId}/method`,
      `/manage/rounds/${roundId}/assignments`,
      `/manage/rounds/${roundId}/runs`,
      `/manage/rounds/${roundId}/results`,
    ];
    for (const path of paths) expect({ path, status: (await juror.page(path)).status }).toEqual({ path, status: 403 });
    for (const path of [`/manage/rounds/${roundId}/finalize`, `/manage/competitions/${setup.competitionId}/jurors`])
      expect((await juror.submit(path, { confirm: 'yes' })).status).toBe(403);
  });
});
