import { AwardFile } from './modules/awards/entities/award-file.entity';
import { Award } from './modules/awards/entities/award.entity';
import { MilestoneReport } from './modules/awards/entities/milestone-report.entity';
import { Tranche } from './modules/awards/entities/tranche.entity';
import { Payment } from './modules/disbursements/entities/payment.entity';
import { IdempotencyKey } from './modules/idempotency/entities/idempotency-key.entity';
import { ApplicationGoal } from './modules/applications/entities/application-goal.entity';
import { ApplicationSnapshot } from './modules/applications/entities/application-snapshot.entity';
import { ApplicationReturn } from './modules/applications/entities/application-return.entity';
import { ApplicationStatusChange } from './modules/applications/entities/application-status-change.entity';
import { Application } from './modules/applications/entities/application.entity';
import { BudgetLine } from './modules/applications/entities/budget-line.entity';
import { ReferenceCounter } from './modules/applications/entities/reference-counter.entity';
import { Attachment } from './modules/attachments/entities/attachment.entity';
import { AuditChainHead } from './modules/audit/entities/audit-chain-head.entity';
import { AuditEvent } from './modules/audit/entities/audit-event.entity';
import { AccountToken } from './modules/auth/entities/account-token.entity';
import { BrowserSession } from './modules/auth/entities/browser-session.entity';
import { RefreshToken } from './modules/auth/entities/refresh-token.entity';
import {
  CompetitionDistrict,
  CompetitionVillage,
} from './modules/competitions/entities/competition-eligibility.entity';
import { CompetitionEnvelope } from './modules/competitions/entities/competition-envelope.entity';
import { Competition } from './modules/competitions/entities/competition.entity';
import { District } from './modules/geography/entities/district.entity';
import { Region } from './modules/geography/entities/region.entity';
import { Village } from './modules/geography/entities/village.entity';
import { Notification } from './modules/notifications/entities/notification.entity';
import { LedgerAccount } from './modules/ledger/entities/ledger-account.entity';
import { LedgerEntry } from './modules/ledger/entities/ledger-entry.entity';
import { LedgerTransaction } from './modules/ledger/entities/ledger-transaction.entity';
import { DevelopmentPlan } from './modules/plans/entities/development-plan.entity';
import { PlanGoal } from './modules/plans/entities/plan-goal.entity';
import { AssignmentRun } from './modules/reviews/entities/assignment-run.entity';
import { Assignment } from './modules/reviews/entities/assignment.entity';
import { CompetitionJuror } from './modules/reviews/entities/competition-juror.entity';
import { ConflictDeclaration } from './modules/reviews/entities/conflict-declaration.entity';
import { ImportedAffinity } from './modules/reviews/entities/imported-affinity.entity';
import { ReviewRound } from './modules/reviews/entities/review-round.entity';
import { RoundApplication } from './modules/reviews/entities/round-application.entity';
import { RoundResult } from './modules/reviews/entities/round-result.entity';
import { Scoresheet } from './modules/reviews/entities/scoresheet.entity';
import { User } from './modules/users/entities/user.entity';

/**
 * Every table of the service, for TypeORM. Listed by hand (no globs): the same list works under
 * ts-node, Jest and the compiled build. It lives with the wiring at the top (app.module.ts,
 * worker.module.ts, cli.ts), not in database/, which imports no feature module.
 */
export const ENTITIES = [
  AuditEvent,
  AuditChainHead,
  User,
  RefreshToken,
  BrowserSession,
  AccountToken,
  Notification,
  Region,
  District,
  Village,
  DevelopmentPlan,
  PlanGoal,
  Competition,
  CompetitionVillage,
  CompetitionDistrict,
  CompetitionEnvelope,
  Application,
  ApplicationGoal,
  BudgetLine,
  ApplicationSnapshot,
  ApplicationReturn,
  ApplicationStatusChange,
  ReferenceCounter,
  Attachment,
  ReviewRound,
  RoundApplication,
  CompetitionJuror,
  ConflictDeclaration,
  AssignmentRun,
  Assignment,
  Scoresheet,
  RoundResult,
  ImportedAffinity,
  LedgerAccount,
  LedgerTransaction,
  LedgerEntry,
  Award,
  Tranche,
  MilestoneReport,
  AwardFile,
  Payment,
  IdempotencyKey,
];
