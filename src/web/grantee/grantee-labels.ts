import type { AwardStatus, TrancheStatus } from '../../modules/awards/domain/award-status';
import type { ReportStatus } from '../../modules/awards/entities/milestone-report.entity';
import { MessageKey } from '../i18n/catalogue';

/** A status in plain words with the colour of its tag: ok (done, good), warn (waiting on someone), bad (ended). */
export interface StatusLabel {
  key: MessageKey;
  tone: '' | 'ok' | 'warn' | 'bad';
}

export const AWARD_STATUS: Record<AwardStatus, StatusLabel> = {
  proposed: { key: 'grantee.awardStatus.proposed', tone: '' },
  approved: { key: 'grantee.awardStatus.approved', tone: 'warn' },
  accepted: { key: 'grantee.awardStatus.accepted', tone: 'ok' },
  active: { key: 'grantee.awardStatus.active', tone: 'ok' },
  completed: { key: 'grantee.awardStatus.completed', tone: 'ok' },
  declined: { key: 'grantee.awardStatus.declined', tone: 'bad' },
  cancelled: { key: 'grantee.awardStatus.cancelled', tone: 'bad' },
};

export const TRANCHE_STATUS: Record<TrancheStatus, StatusLabel> = {
  planned: { key: 'grantee.trancheStatus.planned', tone: '' },
  requested: { key: 'grantee.trancheStatus.requested', tone: 'warn' },
  returned: { key: 'grantee.trancheStatus.returned', tone: 'bad' },
  approved: { key: 'grantee.trancheStatus.approved', tone: 'ok' },
  paid: { key: 'grantee.trancheStatus.paid', tone: 'ok' },
};

export const REPORT_STATUS: Record<ReportStatus, StatusLabel> = {
  submitted: { key: 'grantee.reportStatus.submitted', tone: 'warn' },
  approved: { key: 'grantee.reportStatus.approved', tone: 'ok' },
  returned: { key: 'grantee.reportStatus.returned', tone: 'bad' },
};

export const tagClass = (label: StatusLabel): string => (label.tone ? `tag ${label.tone}` : 'tag');
