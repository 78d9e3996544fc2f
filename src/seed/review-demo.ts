import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthUser, Role } from '../common/auth/role';
import { ConfigModule } from '../config/config.module';
import { databaseRoot } from '../database/database-root';
import { ENTITIES } from '../entities';
import { ApplicationDraftsService } from '../modules/applications/application-drafts.service';
import { ApplicationScreeningService } from '../modules/applications/application-screening.service';
import { ApplicationSubmissionService } from '../modules/applications/application-submission.service';
import { ApplicationsModule } from '../modules/applications/applications.module';
import { Application } from '../modules/applications/entities/application.entity';
import { AuditModule } from '../modules/audit/audit.module';
import { AuditService } from '../modules/audit/audit.service';
import { CompetitionLifecycleService } from '../modules/competitions/competition-lifecycle.service';
import { CompetitionsModule } from '../modules/competitions/competitions.module';
import { CompetitionsService } from '../modules/competitions/competitions.service';
import { Competition } from '../modules/competitions/entities/competition.entity';
import { DevelopmentPlan } from '../modules/plans/entities/development-plan.entity';
import { CompetitionJuror } from '../modules/reviews/entities/competition-juror.entity';
import { ReviewRound } from '../modules/reviews/entities/review-round.entity';
import { JuryService } from '../modules/reviews/jury.service';
import { ReviewsModule } from '../modules/reviews/reviews.module';
import { RoundsService } from '../modules/reviews/rounds.service';
import { Language } from '../common/i18n/language';
import { User } from '../modules/users/entities/user.entity';
import { UsersModule } from '../modules/users/users.module';
import { UsersRepository } from '../modules/users/users.repository';
import { UsersService } from '../modules/users/users.service';
import {
  REVIEW_DEMO_APPLICATIONS,
  REVIEW_DEMO_COMPETITION,
  REVIEW_DEMO_JURORS,
  REVIEW_DEMO_ROUND,
} from './demo-data/review-competition';

/**
 * The services the review demo goes through. The seed command's own context holds only users,
 * places, plans and competitions, so this one is opened beside it and closed when done.
 */
@Module({
  imports: [
    ConfigModule,
    databaseRoot(ENTITIES),
    AuditModule,
    UsersModule,
    CompetitionsModule,
    ApplicationsModule,
    ReviewsModule,
  ],
})
class ReviewDemoModule {}

export interface ReviewDemoReport {
  competitionId: string;
  competitionStatus: string;
  /** Round 1, a draft until someone opens it. */
  roundId: string;
  roundStatus: string;
  /** The panel's jurors and the applicants, with confirmed addresses. */
  accounts: { email: string; roles: readonly string[] }[];
  applications: { reference: string | null; title: string; status: string }[];
}

const DAY_MS = 24 * 3600 * 1000;
const tiyn = (tenge: number) => (BigInt(tenge) * 100n).toString();
/** YYYY-MM-DD of the first day of the month `months` from now. */
const monthStart = (months: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
};

/**
 * Idempotent like the rest of the seed: each step looks for what it would create, and moves an
 * application or the competition on only from the state the seed leaves it in, so a second run,
 * or a run after someone has opened and scored the round, changes nothing.
 */
export async function seedReviewDemo(input: {
  adminId: string;
  managerId: string;
  password: string;
  villages: ReadonlyMap<string, string>;
}): Promise<ReviewDemoReport> {
  const context = await NestFactory.createApplicationContext(ReviewDemoModule, { logger: ['error', 'warn'] });
  try {
    return await seed(context, input);
  } finally {
    await context.close();
  }
}

/**
 * Marks a demo account's address confirmed, audited like a confirmation by link: a seed has no
 * inbox to click in, and applicants cannot submit without a confirmed address. Works in any
 * context that holds the users module.
 */
export async function confirmDemoAddress(app: INestApplicationContext, adminId: string, user: User): Promise<void> {
  if (user.emailConfirmedAt) return;
  const usersRepository = app.get(UsersRepository);
  const audit = app.get(AuditService);
  await app.get(DataSource).transaction(async (em) => {
    if (!(await usersRepository.confirmEmail(em, user.id))) return;
    await audit.record(em, {
      actorId: adminId,
      action: 'user.email_confirmed',
      entityType: 'user',
      entityId: user.id,
      after: { emailConfirmed: true, by: 'demo seed' },
    });
  });
}

async function seed(
  app: INestApplicationContext,
  {
    adminId,
    managerId,
    password,
    villages,
  }: { adminId: string; managerId: string; password: string; villages: ReadonlyMap<string, string> },
): Promise<ReviewDemoReport> {
  const dataSource = app.get(DataSource);
  const db = dataSource.manager;
  const users = app.get(UsersService);
  const village = (name: string) => {
    const id = villages.get(name);
    if (!id) throw new Error(`The review demo needs the village ${name}`);
    return id;
  };

  /** An account with a confirmed address (applicants must have one to submit). */
  const account = async (
    email: string,
    fullName: string,
    roles: Role[],
    language: Language,
    homeVillage?: string,
  ): Promise<User> => {
    const user =
      (await db.findOneBy(User, { email })) ??
      (await users.create(
        {
          email,
          password,
          fullName,
          preferredLanguage: language,
          roles,
          homeVillageId: homeVillage ? village(homeVillage) : undefined,
        },
        adminId,
      ));
    await confirmDemoAddress(app, adminId, user);
    return user;
  };

  const jurors: { spec: (typeof REVIEW_DEMO_JURORS)[number]; user: User }[] = [];
  for (const j of REVIEW_DEMO_JURORS)
    jurors.push({ spec: j, user: await account(j.email, j.fullName, ['juror'], 'ru', j.homeVillage) });
  const applicants = new Map<string, User>();
  for (const { applicant: a } of REVIEW_DEMO_APPLICATIONS)
    applicants.set(a.email, await account(a.email, a.fullName, ['applicant'], a.language, a.homeVillage));

  // The call: opened a month ago, so applications could come in; closed below once they have.
  const lifecycle = app.get(CompetitionLifecycleService);
  const spec = REVIEW_DEMO_COMPETITION;
  let competition = await db.findOneBy(Competition, { code: spec.code });
  if (!competition) {
    const now = Date.now();
    const draft = await app.get(CompetitionsService).create(managerId, {
      code: spec.code,
      title: spec.title,
      description: spec.description,
      budget: spec.budget,
      minAward: spec.minAward,
      maxAward: spec.maxAward,
      minOwnShareBp: spec.minOwnShareBp,
      maxApplicationsPerApplicant: spec.maxApplicationsPerApplicant,
      opensAt: new Date(now - spec.openedDaysAgo * DAY_MS),
      closesAt: new Date(now + 3600 * 1000),
      eligibleVillageIds: spec.villages.map(village),
    });
    competition = await lifecycle.open(managerId, draft.id);
  }
  const competitionId = competition.id;

  const goalIds = new Map<string, Map<string, string>>();
  for (const name of spec.villages) {
    const plan = await db.findOne(DevelopmentPlan, {
      where: { villageId: village(name), status: 'adopted' },
      relations: { goals: true },
    });
    goalIds.set(name, new Map((plan?.goals ?? []).map((g) => [g.code, g.id])));
  }

  const drafts = app.get(ApplicationDraftsService);
  const submission = app.get(ApplicationSubmissionService);
  const screening = app.get(ApplicationScreeningService);
  const manager: AuthUser = { id: managerId, roles: ['manager'] };
  const applications: ReviewDemoReport['applications'] = [];
  for (const a of REVIEW_DEMO_APPLICATIONS) {
    const applicant = applicants.get(a.applicant.email)!;
    const actor: AuthUser = { id: applicant.id, roles: ['applicant'] };
    let application = await db.findOneBy(Application, { competitionId, applicantId: applicant.id });
    if (!application && competition.status === 'open') {
      const goals = goalIds.get(a.applicant.homeVillage)!;
      const grant = a.budget.filter((l) => l.source === 'grant').reduce((sum, l) => sum + l.tenge, 0);
      const own = a.budget.filter((l) => l.source === 'own').reduce((sum, l) => sum + l.tenge, 0);
      application = await drafts.create(actor, competitionId, {
        title: a.title,
        summary: a.summary,
        description: a.description,
        sector: a.sector,
        goals: a.goals.map((g) => ({ goalId: goals.get(g.code)!, contribution: g.contribution })),
        requestedAmount: tiyn(grant),
        ownContribution: tiyn(own),
        budgetLines: a.budget.map((l) => ({
          category: l.category,
          description: l.description,
          amount: tiyn(l.tenge),
          source: l.source,
        })),
        jobsCreated: a.jobsCreated,
        plannedStart: monthStart(a.startInMonths),
        durationMonths: a.durationMonths,
      });
    }
    if (!application) continue; // the call closed before this one was added: nothing to do now
    if (application.status === 'draft' && competition.status === 'open')
      application = await submission.submit(actor, application.id);
    if (application.status === 'submitted') {
      application = await screening.screen(
        manager,
        application.id,
        a.ineligible
          ? { decision: 'ineligible', reason: a.ineligible.reason, note: a.ineligible.note }
          : { decision: 'eligible' },
      );
    }
    applications.push({ reference: application.reference, title: application.title, status: application.status });
  }
  if (competition.status === 'open') competition = await lifecycle.close(managerId, competitionId);

  // The panel, with no declaration confirmed: each juror declares conflicts (or none) first.
  const jury = app.get(JuryService);
  for (const { spec: j, user } of jurors) {
    if (await db.findOneBy(CompetitionJuror, { competitionId, userId: user.id })) continue;
    await jury.add(managerId, competitionId, {
      userId: user.id,
      expertise: j.expertise,
      homeVillageId: j.homeVillage ? village(j.homeVillage) : undefined,
    });
  }

  let round = await db.findOne(ReviewRound, { where: { competitionId }, order: { position: 'ASC' } });
  round ??= await app.get(RoundsService).create(managerId, competitionId, {
    name: REVIEW_DEMO_ROUND.name,
    deadline: new Date(Date.now() + REVIEW_DEMO_ROUND.deadlineDays * DAY_MS),
    method: REVIEW_DEMO_ROUND.method,
  });

  return {
    competitionId,
    competitionStatus: competition.status,
    roundId: round.id,
    roundStatus: round.status,
    accounts: [...jurors.map(({ user }) => user), ...applicants.values()].map((user) => ({
      email: user.email,
      roles: user.roles,
    })),
    applications,
  };
}
