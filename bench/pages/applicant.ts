import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessTokens } from '../../src/common/auth/access-tokens';
import { BrowserSessionsService } from '../../src/modules/auth/browser-sessions.service';
import { CompetitionLifecycleService } from '../../src/modules/competitions/competition-lifecycle.service';
import { UsersService } from '../../src/modules/users/users.service';
import { cookieNames } from '../../src/web/session/cookies';
import { PublicSite } from './seed';

/** Who a signed-in page is loaded as: the browser's session cookie, and the same person's bearer for the JSON read. */
export interface SignedIn {
  cookie: { name: string; value: string };
  bearer: string;
}

export interface ApplicantWorld {
  as: SignedIn;
  draftId: string;
  submittedId: string;
  awardId: string;
  trancheId: string;
}

const PASSWORD = 'bench-password-1';

/**
 * One applicant from the bench's village with what the applicant's pages show: a draft with a
 * project, a goal and a budget; a submitted application; and an accepted award with its tranches
 * (its round's results written in SQL, as test/helpers/award-setup.ts does for the award suites;
 * the review pipeline has benches of its own). Everything else goes through the JSON API as a
 * person would.
 */
export async function seedApplicant(app: INestApplication, origin: string, site: PublicSite): Promise<ApplicantWorld> {
  const users = app.get(UsersService);
  const tokens = app.get(AccessTokens);
  const applicant = await users.create(
    {
      email: 'bench-pages-applicant@example.kz',
      password: PASSWORD,
      fullName: 'Айгерім Нұрланқызы',
      phone: '+77010000000',
      preferredLanguage: 'kk',
      homeVillageId: site.villageId,
      roles: ['applicant'],
    },
    null,
  );
  const manager2 = await users.create(
    {
      email: 'bench-pages-manager2@example.kz',
      password: PASSWORD,
      fullName: 'Bench',
      preferredLanguage: 'kk',
      roles: ['manager'],
    },
    null,
  );
  const dataSource = app.get(DataSource);
  await dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [applicant.id]);
  const bearer = (id: string, roles: string[]) => `Bearer ${tokens.sign({ id, roles } as never)}`;
  const asApplicant = bearer(applicant.id, ['applicant']);
  const asManager = bearer(site.managerId, ['manager']);
  const asManager2 = bearer(manager2.id, ['manager']);
  const call = api(origin);

  const draftOf = async (competitionId: string, title: string) =>
    (
      await call<{ id: string }>('POST', `/api/competitions/${competitionId}/applications`, asApplicant, {
        title,
        summary: 'Ауылда жаңа наубайхана ашып, жастарға жұмыс орнын беру.',
        description:
          'Наубайхана күніне 400 нан пісіреді. Жабдық сатып алуға грант, үй-жайды жөндеуге өз қаражатымыз жұмсалады.',
        sector: 'services',
        goals: [{ goalId: site.goalId, contribution: 'Екі жасқа тұрақты жұмыс орны ашылады.' }],
        requestedAmount: '150000000',
        ownContribution: '40000000',
        budgetLines: [
          { category: 'equipment', description: 'Пеш және илегіш', amount: '150000000', source: 'grant' },
          { category: 'materials', description: 'Жөндеу', amount: '40000000', source: 'own' },
        ],
      })
    ).id;
  const [awardedIn, submittedIn, draftIn] = site.competitionIds;
  const draftId = await draftOf(draftIn, 'Наубайхана');
  const submittedId = await draftOf(submittedIn, 'Наубайхана: екінші кезең');
  await call('POST', `/api/applications/${submittedId}/submit`, asApplicant);

  const awardedId = await draftOf(awardedIn, 'Наубайхана: бірінші кезең');
  await call('POST', `/api/applications/${awardedId}/submit`, asApplicant);
  await call('POST', `/api/applications/${awardedId}/screening`, asManager, { decision: 'eligible' });
  await app.get(CompetitionLifecycleService).close(site.managerId, awardedIn);
  await dataSource.transaction(async (em) => {
    const [round]: { id: string }[] = await em.query(
      `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalized_at, created_by, summary)
       VALUES ($1, 1, 'Final round', 'finalized', $2, now(), $3, now(), now(), now(), $4, '{"calibratedDecides": false}') RETURNING id`,
      [awardedIn, JSON.stringify({ priorityCriterion: 'plan' }), 'ab'.repeat(32), site.managerId],
    );
    await em.query(
      `INSERT INTO round_results (round_id, application_id, count, totals, official, calibrated, spread, gates_failed, quorum_met, rank, advanced, reason, disputed)
       VALUES ($1, $2, 3, '[]', 71.4, NULL, 8, '{}', true, 1, true, 'advanced', false)`,
      [round.id, awardedId],
    );
    await em.query(`UPDATE applications SET status = 'shortlisted' WHERE id = $1`, [awardedId]);
  });
  const [award] = await call<{ id: string }[]>('POST', `/api/competitions/${awardedIn}/awards`, asManager, {});
  await call('POST', `/api/awards/${award.id}/approve`, asManager2);
  await call('POST', `/api/awards/${award.id}/accept`, asApplicant);
  const [reported]: { id: string }[] = await dataSource.query(
    'SELECT id FROM tranches WHERE award_id = $1 AND report_required ORDER BY position LIMIT 1',
    [award.id],
  );

  const secret = await app.get(BrowserSessionsService).start(applicant.id, 'bench');
  return {
    as: { cookie: { name: cookieNames(false).session, value: secret }, bearer: asApplicant },
    draftId,
    submittedId,
    awardId: award.id,
    trancheId: reported.id,
  };
}

/** A JSON call that must succeed; money-moving routes get a fresh Idempotency-Key. */
function api(origin: string) {
  return async <T = unknown>(method: string, path: string, authorization: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
