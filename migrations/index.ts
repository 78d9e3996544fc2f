import { MigrationInterface } from 'typeorm';
import { CreateFoundation1795360905703 } from './1795360905703-CreateFoundation';
import { IndexAuditEventsByActor1795362197802 } from './1795362197802-IndexAuditEventsByActor';
import { CreateNotificationOutbox1795362573240 } from './1795362573240-CreateNotificationOutbox';
import { CreateApplications1795365266731 } from './1795365266731-CreateApplications';
import { AddApplicationScreening1795365532269 } from './1795365532269-AddApplicationScreening';
import { CreateAttachments1795365750387 } from './1795365750387-CreateAttachments';
import { IndexApplicationsBySubmission1795367140723 } from './1795367140723-IndexApplicationsBySubmission';
import { CreateReviews1795368839369 } from './1795368839369-CreateReviews';
import { IndexRoundResultsByApplication1795372129036 } from './1795372129036-IndexRoundResultsByApplication';
import { CreateLedger1795373531256 } from './1795373531256-CreateLedger';
import { CreateAwards1795375050203 } from './1795375050203-CreateAwards';
import { IndexAuditActions1795378790351 } from './1795378790351-IndexAuditActions';
import { AddCompetitionCode1796547047916 } from './1796547047916-AddCompetitionCode';
import { CreateBrowserSessions1796567687338 } from './1796567687338-CreateBrowserSessions';
import { TranslateStaffContent1796567715936 } from './1796567715936-TranslateStaffContent';
import { AddApplicationReturns1796578089019 } from './1796578089019-AddApplicationReturns';
import { IndexUserPhoneDigits1796600000000 } from './1796600000000-IndexUserPhoneDigits';

/** Every migration, in order. A test checks that each file in this folder is listed here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateFoundation1795360905703,
  IndexAuditEventsByActor1795362197802,
  CreateNotificationOutbox1795362573240,
  CreateApplications1795365266731,
  AddApplicationScreening1795365532269,
  CreateAttachments1795365750387,
  IndexApplicationsBySubmission1795367140723,
  CreateReviews1795368839369,
  IndexRoundResultsByApplication1795372129036,
  CreateLedger1795373531256,
  CreateAwards1795375050203,
  IndexAuditActions1795378790351,
  AddCompetitionCode1796547047916,
  CreateBrowserSessions1796567687338,
  TranslateStaffContent1796567715936,
  AddApplicationReturns1796578089019,
  IndexUserPhoneDigits1796600000000,
];
