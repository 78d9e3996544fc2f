import { DEFAULT_AWARD_RULES } from '../domain/award-rules';

/** A competition as a manager drafts it: money in tiyn, eligible villages, an envelope and the award rules. */
export const CREATE_COMPETITION_EXAMPLE = {
  code: 'TUP',
  title: { kk: 'Start Up Маңғыстау 2026', ru: 'Start Up Мангистау 2026', en: 'Start Up Mangystau 2026' },
  description: {
    kk: 'Ауылдың даму жоспарының мақсаттарына қызмет ететін ауыл кәсіптеріне шағын гранттар',
    ru: 'Малые гранты сельскому бизнесу, который служит целям плана развития села',
    en: 'Small grants for village businesses that serve the goals of their development plans',
  },
  budget: '5000000000',
  minAward: '50000000',
  maxAward: '300000000',
  minOwnShareBp: 2000,
  maxApplicationsPerApplicant: 1,
  opensAt: '2026-09-01T04:00:00.000Z',
  closesAt: '2026-10-15T18:00:00.000Z',
  eligibleVillageIds: ['3f1c9a52-8d4e-4b7a-9c2e-6a1d5e7b8c90', '7a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d'],
  envelopes: [{ villageId: '3f1c9a52-8d4e-4b7a-9c2e-6a1d5e7b8c90', amount: '1000000000' }],
  // The rules a competition gets when it names none: 50% on signing, 30% and 20% after reports.
  awardRules: DEFAULT_AWARD_RULES,
};

export const UPDATE_COMPETITION_EXAMPLE = {
  closesAt: '2026-10-31T18:00:00.000Z',
  awardRules: {
    trancheTemplate: [
      { label: DEFAULT_AWARD_RULES.trancheTemplate[0].label, shareBp: 6000, reportRequired: false, dueDays: null },
      { label: DEFAULT_AWARD_RULES.trancheTemplate[2].label, shareBp: 4000, reportRequired: true, dueDays: 365 },
    ],
    acceptanceDays: 21,
  },
};
