import { Language, LANGUAGES } from '../../modules/users/domain/language';
import { MessageText } from './define-messages';
import { account } from './messages/account';
import { admin } from './messages/admin';
import { adminPlaces } from './messages/admin-places';
import { adminPlans } from './messages/admin-plans';
import { accountProfile } from './messages/account-profile';
import { apply } from './messages/apply';
import { applyReturns } from './messages/apply-returns';
import { applySteps } from './messages/apply-steps';
import { common } from './messages/common';
import { finance } from './messages/finance';
import { grantee } from './messages/grantee';
import { observer } from './messages/observer';
import { offlineScoring } from './messages/offline-scoring';
import { staffTasks } from './messages/staff-tasks';
import { managerReturns } from './messages/manager-returns';
import { juror } from './messages/juror';
import { managerAwards } from './messages/manager-awards';
import { managerRounds } from './messages/manager-rounds';
import { managerApplications } from './messages/manager-applications';
import { managerHome } from './messages/manager-home';
import { managerCompetitions } from './messages/manager-competitions';
import { managerIntake } from './messages/manager-intake';
import { publicSite } from './messages/public-site';

/**
 * Every text of the web pages, by language. Each area keeps its three languages side by side in
 * messages/<area>.ts (keys start with the area's name), so a translator sees them together and
 * two people adding pages to different areas never edit the same file.
 */
export const AREAS = {
  offlineScoring,
  staffTasks,
  juror,
  common,
  account,
  accountProfile,
  publicSite,
  grantee,
  apply,
  applySteps,
  applyReturns,
  managerReturns,
  managerAwards,
  managerRounds,
  managerHome,
  managerApplications,
  managerCompetitions,
  managerIntake,
  finance,
  observer,
  admin,
  adminPlaces,
  adminPlans,
};

type Area = (typeof AREAS)[keyof typeof AREAS];
export type MessageKey = { [A in keyof typeof AREAS]: keyof (typeof AREAS)[A]['en'] }[keyof typeof AREAS] & string;

function merge(language: Language): Record<MessageKey, MessageText> {
  const merged = {} as Record<string, MessageText>;
  for (const area of Object.values(AREAS) as Area[]) Object.assign(merged, area[language]);
  return merged as Record<MessageKey, MessageText>;
}

export const CATALOGUE = Object.fromEntries(LANGUAGES.map((language) => [language, merge(language)])) as Record<
  Language,
  Record<MessageKey, MessageText>
>;
