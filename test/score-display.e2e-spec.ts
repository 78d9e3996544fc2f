import { INestApplicationContext } from '@nestjs/common';
import { scoresheetTotal } from '../src/modules/reviews/domain/scoring/scoresheet';
import { Cast, createCast, TestUser } from './helpers/factories';
import { waitFor } from './helpers/processes';
import { addJuror, createReviewable, Reviewable, roundBody } from './helpers/review-setup';
import { SmtpSink } from './helpers/smtp-sink';
import { createTestApp, TestContext } from './helpers/test-app';
import { startWorker } from './helpers/worker-context';

/**
 * Scores whose totals do not end (thirds of a scale of 3): the JSON API gives the exact values the
 * results were computed and stored with, and only the mail rounds them, in the reader's language,
 * beside their scale.
 */
describe('scores: exact in the API, rounded with their scale in mail', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let sink: SmtpSink;
  let cast: Cast;
  let setup: Reviewable;
  let jurors: TestUser[];
  let roundId: string;

  const criteria = [
    {
      code: 'plan',
      title: { en: 'Supports the village plan' },
      weight: 1,
      max: 3,
      descriptors: ['no', 'weak', 'fair', 'strong'].map((en) => ({ en })),
    },
  ];
  /** Juror 0 gives 2 of 3 to every application; juror 1 gives 3, 2 and 1. */
  const scores = [
    [2, 2, 2],
    [3, 2, 1],
  ];
  const total = (plan: number) => scoresheetTotal(criteria, { plan });
  /** The official score is the mean of the two totals, as computeResults takes it. */
  const official = (i: number) => (total(scores[0][i]) + total(scores[1][i])) / 2;
  const languages = ['ru', 'en', 'kk'] as const;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const overrides = { SMTP_URL: sink.url, RELAY_INTERVAL_MS: '100' };
    ctx = await createTestApp(overrides);
    worker = await startWorker(ctx.databaseName, overrides);
    cast = await createCast(ctx);
    setup = await createReviewable(ctx, cast, 3, 3);
    for (const [i, language] of languages.entries())
      await ctx.dataSource.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [
        setup.applications[i].applicant.user.id,
        language,
      ]);
    jurors = [await addJuror(ctx, cast, setup.competitionId), await addJuror(ctx, cast, setup.competitionId)];
    const round = await ctx
      .http()
      .post(`/api/competitions/${setup.competitionId}/rounds`)
      .set(cast.manager.auth)
      .send(roundBody({ criteria, priorityCriterion: 'plan', maxLoad: 3, advancement: { kind: 'top', n: 1 } }))
      .expect(201);
    roundId = round.body.id;
    await ctx.http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await sink?.stop();
  });

  it('the workspace gives each scoresheet its exact total', async () => {
    for (const [j, juror] of jurors.entries()) {
      for (const [i, application] of setup.applications.entries()) {
        const assigned = await ctx
          .http()
          .post(`/api/rounds/${roundId}/assignments`)
          .set(cast.manager.auth)
          .send({ applicationId: application.id, jurorId: juror.user.id })
          .expect(201);
        const saved = await ctx
          .http()
          .put(`/api/reviews/assignments/${assigned.body.id}/scoresheet`)
          .set(juror.auth)
          .send({ scores: { plan: scores[j][i] }, submit: true })
          .expect(200);
        expect(saved.body.total).toBe(total(scores[j][i]));
      }
    }
    expect(total(2)).not.toBe(Math.round(total(2) * 10) / 10);
  });

  it('results, the applicant’s own results and the allocation give the exact official scores', async () => {
    await ctx.http().post(`/api/rounds/${roundId}/close`).set(cast.manager.auth).expect(200);
    await ctx.http().post(`/api/rounds/${roundId}/finalize`).set(cast.manager.auth).expect(202);
    await waitFor(
      async () =>
        (await ctx.http().get(`/api/rounds/${roundId}`).set(cast.manager.auth)).body.status === 'finalized'
          ? true
          : undefined,
      15000,
      'finalized',
    );
    const results = await ctx.http().get(`/api/rounds/${roundId}/results`).set(cast.manager.auth).expect(200);
    const allocation = await ctx.http().get(`/api/public/competitions/${setup.competitionId}/allocation`).expect(200);
    for (const [i, application] of setup.applications.entries()) {
      const item = results.body.items.find((r: { applicationId: string }) => r.applicationId === application.id);
      expect(item.official).toBe(official(i));
      expect(item.totals.map((t: { total: number }) => t.total).sort()).toEqual(
        [total(scores[0][i]), total(scores[1][i])].sort(),
      );
      const own = await ctx
        .http()
        .get(`/api/applications/${application.id}/results`)
        .set(application.applicant.auth)
        .expect(200);
      expect(own.body.items[0].official).toBe(official(i));
      const decision = allocation.body.decisions.find(
        (d: { applicationId: string }) => d.applicationId === application.id,
      );
      expect(decision.officialScore).toBe(official(i));
    }
    const verify = await ctx.http().get(`/api/rounds/${roundId}/results/verify`).set(cast.observer.auth).expect(200);
    expect(verify.body.matches).toBe(true);
  });

  it('the results mail rounds the official score to one decimal, in the applicant’s language, with its scale', async () => {
    // 83.33…, 66.66… and 50: Russian, English and Kazakh readers.
    const expected = {
      ru: `Итоговый балл: ${official(0).toFixed(1).replace('.', ',')} из 100`,
      en: `Official score: ${official(1).toFixed(1)} of 100`,
      kk: `Қорытынды балл: 100 балдан ${official(2).toFixed(1).replace('.', ',')}`,
    };
    expect(Object.values(expected)).toEqual([
      'Итоговый балл: 83,3 из 100',
      'Official score: 66.7 of 100',
      'Қорытынды балл: 100 балдан 50,0',
    ]);
    for (const [i, language] of languages.entries()) {
      const email = setup.applications[i].applicant.user.email;
      const [mail] = await sink.waitFor(
        1,
        15000,
        (m) => m.to.includes(email) && /results of the round|итоги этапа|кезеңінің нәтижелері/.test(m.subject),
      );
      const text = mail.text.replace(/[\u00a0\u202f]/g, ' ');
      expect(text).toContain(`${expected[language]}\n`);
      expect(mail.html).toContain(`<strong>${expected[language].slice(expected[language].indexOf(':') + 2)}</strong>`);
    }
  });
});
