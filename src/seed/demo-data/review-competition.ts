import { AKSHUKUR_APPLICATIONS } from './review-applications-akshukur';
import { BAUTINO_APPLICATIONS } from './review-applications-bautino';
import { DemoApplication } from './types';

/**
 * A second competition, already in review: applications submitted and screened, the call closed,
 * a panel of three jurors who have not yet declared their conflicts, and a draft first round.
 * Amounts are in tenge here (the seed converts them to tiyn).
 */
export const REVIEW_DEMO_COMPETITION = {
  code: 'BAU',
  title: 'Start Up Bautino & Akshukur 2026 (in review)',
  description:
    'Small grants for businesses that support the development plan of Bautino or Akshukur. ' +
    'Grants from 500,000 to 3,000,000 tenge; at least 20% own contribution. Applications are closed and under review.',
  budget: '1000000000',
  minAward: '50000000',
  maxAward: '300000000',
  minOwnShareBp: 2000,
  maxApplicationsPerApplicant: 1,
  villages: ['Bautino', 'Akshukur'],
  /** Opened this many days before the seed ran; closed by the manager once every application was in. */
  openedDaysAgo: 30,
};

/** The applications of the competition in review, in the order the seed submits them. */
export const REVIEW_DEMO_APPLICATIONS: DemoApplication[] = [...BAUTINO_APPLICATIONS, ...AKSHUKUR_APPLICATIONS];

/** The panel: nobody has confirmed their conflict declaration yet. */
export const REVIEW_DEMO_JURORS: { email: string; fullName: string; homeVillage?: string; expertise: string[] }[] = [
  { email: 'juror@demo.startup.kz', fullName: 'Demo Juror', expertise: ['tourism', 'services', 'water'] },
  {
    email: 'juror2@demo.startup.kz',
    fullName: 'Asel Baimukhanova',
    homeVillage: 'Bautino',
    expertise: ['agriculture', 'services', 'water'],
  },
  {
    email: 'juror3@demo.startup.kz',
    fullName: 'Timur Abdrakhmanov',
    homeVillage: 'Kyzyltobe',
    expertise: ['processing', 'tourism', 'fish'],
  },
];

const LEVELS = (...levels: [string, string, string, string, string]) => levels;

/** Round 1 of the competition in review, as a draft: the manager opens it. */
export const REVIEW_DEMO_ROUND = {
  name: 'Round 1',
  deadlineDays: 14,
  method: {
    criteria: [
      {
        code: 'plan_alignment',
        title: 'Supports the village development plan',
        description:
          'How clearly and how much the project advances the linked goals of the adopted plan. An average below 2 bars advancement.',
        weight: 3,
        max: 4,
        min: 2,
        descriptors: LEVELS(
          'No real link to any goal of the plan',
          'A goal is named, but the link is weak or indirect',
          'Contributes to one goal in a way that can be checked',
          'Clear, measurable contribution to a goal',
          'Strong, measurable contribution to one or more priority goals',
        ),
      },
      {
        code: 'feasibility',
        title: 'Feasible and soundly budgeted',
        description: 'Plan, costs, premises and skills: can the applicant do what they propose with this budget?',
        weight: 2,
        max: 4,
        descriptors: LEVELS(
          'Not feasible as written',
          'Major gaps in the plan, the costs or the skills',
          'Feasible, with notable risks',
          'Realistic plan and costs, minor risks',
          'Realistic and well evidenced: quotes, premises, experience',
        ),
      },
      {
        code: 'jobs',
        title: 'Local jobs',
        description: 'Work the project creates in the village besides the applicant’s own.',
        weight: 1,
        max: 4,
        descriptors: LEVELS(
          'No new work',
          'Seasonal or part-time work only',
          'One permanent job',
          'Two or three permanent jobs',
          'Four or more permanent jobs, including young people',
        ),
      },
      {
        code: 'own_contribution',
        title: 'Own contribution and commitment',
        description: 'The applicant’s own money, premises and equipment put into the project.',
        weight: 1,
        max: 4,
        descriptors: LEVELS(
          'The minimum share, not yet in hand',
          'The minimum share, partly in hand',
          'The minimum share, in hand',
          'Above the minimum share, in hand',
          'Well above the minimum, with own premises or equipment',
        ),
      },
    ],
    priorityCriterion: 'plan_alignment',
    jurorsPerApplication: 2,
    minLoad: 0,
    maxLoad: 6,
    quorum: 2,
    disputeSpread: 15,
    disputeMargin: 1,
    // With seven applications the default share (0.1) would round down to no discussion list at all.
    disputeMaxShare: 0.3,
    calibratedDecisive: false,
    advancement: { kind: 'top' as const, n: 4 },
    blind: true,
  },
};
