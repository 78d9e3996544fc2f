import { Cast, createAdoptedPlan, createCompetition, createPlaces, createUser, TestUser } from './factories';
import { insertSubmittedApplications } from './application-rows';
import { samplePdf } from './sample-files';
import { TestContext } from './test-app';

export interface Screenable {
  competitionId: string;
  code: string;
  title: string;
  /** Two districts: the first with two villages, the second with one. */
  districtIds: string[];
  villageIds: string[];
  /** The first goal of each village's adopted plan (same order as villageIds). */
  goalIds: string[];
  /** Applications submitted through the API (snapshot, history), in order; the first has two files. */
  submitted: { id: string; applicant: TestUser; title: string; villageId: string; sector: string; amount: string }[];
  files: { cv: string; quote: string };
  draftId: string;
}

const SECTORS = ['tourism', 'agriculture', 'crafts', 'services'];

/**
 * An open competition over two districts with `count` applications submitted through the API
 * (waiting for screening), one draft, and optionally `extra` more submitted rows inserted in bulk.
 */
export async function createScreenable(ctx: TestContext, cast: Cast, count: number, extra = 0): Promise<Screenable> {
  const first = await createPlaces(ctx, cast.admin.user.id, 2);
  const second = await createPlaces(ctx, cast.admin.user.id, 1);
  const villageIds = [...first.villageIds, ...second.villageIds];
  const goalIds: string[] = [];
  for (const villageId of villageIds)
    goalIds.push(((await createAdoptedPlan(ctx, cast.admin.user.id, villageId)).goals ?? [])[0].id);
  const competition = await createCompetition(ctx, cast.manager.user.id, villageIds, {
    open: true,
    minAward: '50000000',
    title: { en: 'Start Up screening test', ru: 'Старт Ап: отбор' },
  });
  const submitted: Screenable['submitted'] = [];
  let files = { cv: '', quote: '' };
  const api = () => ctx.http();
  const newApplicant = async (villageId: string, name: string) => {
    const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: villageId });
    await ctx.dataSource.query(
      `UPDATE users SET email_confirmed_at = now(), full_name = $2, phone = '+77015550101' WHERE id = $1`,
      [applicant.user.id, name],
    );
    return applicant;
  };
  const draftOf = async (applicant: TestUser, i: number, villageId: string, sector: string, amount: string) =>
    (
      await api()
        .post(`/api/competitions/${competition.id}/applications`)
        .set(applicant.auth)
        .send({
          title: `Project ${i} ${sector}`,
          summary: `Summary ${i}`,
          description: `Description ${i}`,
          sector,
          goals: [{ goalId: goalIds[villageIds.indexOf(villageId)], contribution: 'Supports it' }],
          requestedAmount: amount,
          ownContribution: '40000000',
          budgetLines: [
            { category: 'equipment', amount, source: 'grant' },
            { category: 'other', amount: '40000000', source: 'own' },
          ],
        })
        .expect(201)
    ).body.id as string;
  for (let i = 0; i < count; i += 1) {
    const villageId = villageIds[i % villageIds.length];
    const applicant = await newApplicant(villageId, `Applicant ${i}`);
    const sector = SECTORS[i % SECTORS.length];
    const amount = String(60000000 + i * 1000000);
    const id = await draftOf(applicant, i, villageId, sector, amount);
    if (i === 0) {
      const upload = async (name: string) =>
        (
          await api()
            .post(`/api/applications/${id}/attachments`)
            .set(applicant.auth)
            .attach('file', samplePdf(), name)
            .expect(201)
        ).body.id as string;
      files = { cv: await upload('Aigerim_CV.pdf'), quote: await upload('price-quote.pdf') };
    }
    await api().post(`/api/applications/${id}/submit`).set(applicant.auth).expect(200);
    submitted.push({ id, applicant, title: `Project ${i} ${sector}`, villageId, sector, amount });
  }
  const drafter = await newApplicant(villageIds[0], 'Draft Person');
  const draftId = await draftOf(drafter, 99, villageIds[0], 'trade', '70000000');
  if (extra > 0)
    await insertSubmittedApplications(ctx.dataSource, {
      competitionId: competition.id,
      code: competition.code,
      villageIds,
      goalIds,
      applicantIds: submitted.map((s) => s.applicant.user.id),
      count: extra,
      from: count + 1,
    });
  return {
    competitionId: competition.id,
    code: competition.code,
    title: 'Start Up screening test',
    districtIds: [first.districtId, second.districtId],
    villageIds,
    goalIds,
    submitted,
    files,
    draftId,
  };
}
