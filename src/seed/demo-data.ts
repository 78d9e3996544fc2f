/**
 * The places the programme works in, and a small demo around them. KATO codes are the national
 * classifier's (9 digits) where a published source was at hand: the Abay region's from the
 * classifier file of 17.10.2022, the Ulytau and Mangistau codes from published classifier extracts.
 * A place without a code is left without one rather than given an invented code.
 */
export const PLACES: {
  region: string;
  kato: string;
  districts: {
    name: string;
    kato?: string;
    villages: { name: string; kato?: string; kind?: 'village' | 'rural_district' }[];
  }[];
}[] = [
  {
    region: 'Mangistau region',
    kato: '470000000',
    districts: [
      {
        name: 'Munaily district',
        kato: '475000000',
        villages: [{ name: 'Batyr' }, { name: 'Bayandy' }, { name: 'Kyzyltobe' }, { name: 'Mangistau' }],
      },
      {
        name: 'Tupkaragan district',
        kato: '475200000',
        villages: [{ name: 'Akshukur' }, { name: 'Bautino' }, { name: 'Fort-Shevchenko' }],
      },
    ],
  },
  {
    region: 'Abay region',
    kato: '100000000',
    districts: [
      {
        name: 'Ayagoz district',
        kato: '103600000',
        villages: [{ name: 'Emeltau', kato: '103655000', kind: 'rural_district' }],
      },
      { name: 'Kokpekty district', kato: '104400000', villages: [] },
      { name: 'Makanshy district', villages: [] },
      { name: 'Zhanasemey district', villages: [] },
    ],
  },
  {
    region: 'Ulytau region',
    kato: '620000000',
    districts: [
      { name: 'Karazhal district', kato: '621800000', villages: [] },
      { name: 'Satpayev district', villages: [] },
      { name: 'Zhanaarka district', kato: '623600000', villages: [] },
      { name: 'Ulytau district', kato: '623800000', villages: [] },
    ],
  },
];

export const PLANS = [
  {
    village: 'Bautino',
    title: 'Bautino village development plan 2026-2030',
    goals: [
      {
        code: 'G1',
        priority: 1,
        title: 'Reliable drinking water supply',
        description: 'Desalinated water for every household all year.',
      },
      {
        code: 'G2',
        priority: 2,
        title: 'Jobs for young people',
        description: 'Local work for residents aged 18-35, so they need not leave.',
      },
      {
        code: 'G3',
        priority: 3,
        title: 'Seaside tourism',
        description: 'Guest houses, boat trips and services for visitors to the Caspian coast.',
      },
      {
        code: 'G4',
        priority: 4,
        title: 'Fish processing',
        description: 'Add value to the local catch before it leaves the village.',
      },
    ],
  },
  {
    village: 'Akshukur',
    title: 'Akshukur village development plan 2026-2030',
    goals: [
      {
        code: 'G1',
        priority: 1,
        title: 'Water supply and irrigation',
        description: 'Water for households, gardens and livestock.',
      },
      {
        code: 'G2',
        priority: 2,
        title: 'Fire prevention',
        description: 'Equipment and services that lower the risk of steppe and house fires.',
      },
      {
        code: 'G3',
        priority: 3,
        title: 'Everyday services',
        description: 'Repairs, bakery, laundry and other services residents now travel for.',
      },
    ],
  },
];

export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.startup.kz', fullName: 'Demo Admin', roles: ['admin'] },
  { email: 'manager@demo.startup.kz', fullName: 'Demo Manager', roles: ['manager'] },
  { email: 'manager2@demo.startup.kz', fullName: 'Demo Second Manager', roles: ['manager'] },
  { email: 'juror@demo.startup.kz', fullName: 'Demo Juror', roles: ['juror'] },
  { email: 'finance@demo.startup.kz', fullName: 'Demo Finance Officer', roles: ['finance'] },
  { email: 'observer@demo.startup.kz', fullName: 'Demo Public Council Observer', roles: ['observer'] },
  { email: 'applicant@demo.startup.kz', fullName: 'Demo Applicant', roles: ['applicant'], homeVillage: 'Bautino' },
] as const;

export const DEMO_COMPETITION = {
  /** In every reference of this competition: SU-TUP-2026-0001. */
  code: 'TUP',
  title: 'Start Up Tupkaragan 2026',
  description:
    'Small grants for entrepreneurs whose business supports the development plan of Bautino or Akshukur. ' +
    'Grants from 500,000 to 3,000,000 tenge; at least 20% own contribution.',
  budget: '2000000000',
  minAward: '50000000',
  maxAward: '300000000',
  minOwnShareBp: 2000,
  maxApplicationsPerApplicant: 1,
  villages: ['Bautino', 'Akshukur'],
  openDays: 60,
};

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

type DemoSector = 'agriculture' | 'tourism' | 'crafts' | 'services' | 'trade' | 'processing' | 'other';
type DemoLanguage = 'kk' | 'ru' | 'en';

export interface DemoApplication {
  applicant: { email: string; fullName: string; language: DemoLanguage; homeVillage: string };
  title: string;
  summary: string;
  description: string;
  sector: DemoSector;
  /** Goal codes of the adopted plan of the applicant's village, each with how the project supports it. */
  goals: { code: string; contribution: string }[];
  jobsCreated: number;
  /** Planned start: the first day of the month this many months after the seed runs. */
  startInMonths: number;
  durationMonths: number;
  /** In tenge; grant lines add up to the requested amount, own lines to the own contribution. */
  budget: { category: string; description: string; tenge: number; source: 'grant' | 'own' }[];
  /** Screening: eligible unless an ineligible reason is given. */
  ineligible?: { reason: 'applicant_not_eligible' | 'documents_missing' | 'other'; note: string };
}

export const REVIEW_DEMO_APPLICATIONS: DemoApplication[] = [
  {
    applicant: {
      email: 'applicant1@demo.startup.kz',
      fullName: 'Aigerim Sarsenova',
      language: 'kk',
      homeVillage: 'Bautino',
    },
    title: 'Guest house "Caspian Breeze"',
    summary: 'Four guest rooms in a family house by the sea, open from May to October, with breakfast.',
    description:
      'The family house has a separate wing with four rooms that are now unused. The grant pays for their renovation, ' +
      'furniture and a water heater; the family pays for the sign and a listing on booking sites. Two young people from ' +
      'the village will work as housekeeper and cook in the season.',
    sector: 'tourism',
    goals: [
      {
        code: 'G3',
        contribution: 'Beds for visitors in Bautino itself, so they stay the night instead of driving back to Aktau.',
      },
      { code: 'G2', contribution: 'Two seasonal jobs for residents under 35 and one permanent job.' },
    ],
    jobsCreated: 3,
    startInMonths: 3,
    durationMonths: 8,
    budget: [
      {
        category: 'renovation',
        description: 'Repair of four guest rooms and a shower room',
        tenge: 1_300_000,
        source: 'grant',
      },
      {
        category: 'furniture',
        description: 'Beds, wardrobes and linen for four rooms',
        tenge: 700_000,
        source: 'grant',
      },
      { category: 'equipment', description: 'Water heater and washing machine', tenge: 400_000, source: 'grant' },
      { category: 'renovation', description: 'Building materials already bought', tenge: 500_000, source: 'own' },
      { category: 'marketing', description: 'Sign and listing on booking sites', tenge: 300_000, source: 'own' },
    ],
  },
  {
    applicant: {
      email: 'applicant2@demo.startup.kz',
      fullName: 'Nurlan Tasbolatov',
      language: 'ru',
      homeVillage: 'Bautino',
    },
    title: 'Smokehouse for the local catch',
    summary: 'Hot- and cold-smoked fish from Bautino fishermen, certified and sold to shops in Aktau.',
    description:
      'Fishermen now sell their catch whole to dealers at a low price. A certified smoking chamber and freezers in an ' +
      'existing workshop let the village sell smoked fish at three times the price. Four people, two of them young, will ' +
      'work in the smokehouse all year.',
    sector: 'processing',
    goals: [
      { code: 'G4', contribution: 'Adds value to about 20 tonnes of local catch a year before it leaves the village.' },
      { code: 'G2', contribution: 'Four permanent jobs, two for residents under 35.' },
    ],
    jobsCreated: 4,
    startInMonths: 2,
    durationMonths: 10,
    budget: [
      { category: 'equipment', description: 'Smoking chamber with smoke generator', tenge: 2_100_000, source: 'grant' },
      { category: 'equipment', description: 'Two chest freezers', tenge: 600_000, source: 'grant' },
      {
        category: 'certification',
        description: 'Veterinary and sanitary certification',
        tenge: 300_000,
        source: 'grant',
      },
      {
        category: 'premises',
        description: 'Repair of the workshop: floor, drainage, ventilation',
        tenge: 700_000,
        source: 'own',
      },
      { category: 'working capital', description: 'First purchase of fish', tenge: 300_000, source: 'own' },
    ],
  },
  {
    applicant: {
      email: 'applicant3@demo.startup.kz',
      fullName: 'Marat Zhaksylykov',
      language: 'ru',
      homeVillage: 'Bautino',
    },
    title: 'Boat trips along the Tupkaragan coast',
    summary: 'Two-hour and half-day boat trips for up to eight visitors, with a licensed skipper and safety gear.',
    description:
      'The applicant owns a 7-metre boat that needs a new outboard motor. With it and proper safety equipment he will run ' +
      'trips along the coast and to fishing spots from May to October, sold through the guest houses of the village.',
    sector: 'tourism',
    goals: [
      { code: 'G3', contribution: 'A new activity for visitors on the Caspian coast, sold with local guest houses.' },
    ],
    jobsCreated: 2,
    startInMonths: 4,
    durationMonths: 6,
    budget: [
      { category: 'equipment', description: 'Outboard motor, 90 hp', tenge: 1_900_000, source: 'grant' },
      { category: 'safety', description: 'Life jackets, VHF radio, first-aid kit', tenge: 500_000, source: 'grant' },
      { category: 'licensing', description: 'Skipper training and licence', tenge: 400_000, source: 'grant' },
      { category: 'equipment', description: 'Hull repair and painting', tenge: 600_000, source: 'own' },
      { category: 'marketing', description: 'Leaflets and a page on booking sites', tenge: 300_000, source: 'own' },
    ],
  },
  {
    applicant: {
      email: 'applicant4@demo.startup.kz',
      fullName: 'Saule Omarova',
      language: 'kk',
      homeVillage: 'Bautino',
    },
    title: 'Drinking water delivery to households',
    summary: 'Filtered drinking water delivered weekly to homes at the edge of the village that have no piped water.',
    description:
      'About 120 households at the edge of Bautino buy water from passing trucks at irregular times. A filtration unit and ' +
      'a 3-cubic-metre tank trailer let the applicant deliver tested drinking water on a fixed weekly round.',
    sector: 'services',
    goals: [
      { code: 'G1', contribution: 'Tested drinking water for about 120 households without piped supply, every week.' },
      { code: 'G2', contribution: 'Two permanent jobs: driver and operator of the filtration unit.' },
    ],
    jobsCreated: 2,
    startInMonths: 2,
    durationMonths: 6,
    budget: [
      {
        category: 'equipment',
        description: 'Tank trailer, 3 m3, food-grade, with pump',
        tenge: 1_600_000,
        source: 'grant',
      },
      { category: 'equipment', description: 'Reverse-osmosis filtration unit', tenge: 900_000, source: 'grant' },
      {
        category: 'vehicle',
        description: 'Repair of the applicant’s van that tows the trailer',
        tenge: 500_000,
        source: 'own',
      },
      { category: 'licensing', description: 'Sanitary permit and laboratory tests', tenge: 200_000, source: 'own' },
    ],
  },
  {
    applicant: {
      email: 'applicant5@demo.startup.kz',
      fullName: 'Yerlan Kenzhebayev',
      language: 'ru',
      homeVillage: 'Akshukur',
    },
    title: 'Village bakery',
    summary: 'Fresh bread and baked goods every morning in Akshukur, which now gets bread from Aktau twice a week.',
    description:
      'A small bakery in rented premises on the main street: a deck oven, a dough mixer and a proofer for about 400 loaves ' +
      'a day, sold in the bakery and to the two village shops.',
    sector: 'services',
    goals: [
      { code: 'G3', contribution: 'Daily fresh bread in the village instead of deliveries from Aktau twice a week.' },
    ],
    jobsCreated: 3,
    startInMonths: 1,
    durationMonths: 4,
    budget: [
      { category: 'equipment', description: 'Deck oven, three decks', tenge: 1_100_000, source: 'grant' },
      { category: 'equipment', description: 'Dough mixer and proofer', tenge: 700_000, source: 'grant' },
      {
        category: 'premises',
        description: 'Rent and repair of the premises for six months',
        tenge: 350_000,
        source: 'own',
      },
      {
        category: 'working capital',
        description: 'Flour and other ingredients for the first month',
        tenge: 150_000,
        source: 'own',
      },
    ],
  },
  {
    applicant: {
      email: 'applicant6@demo.startup.kz',
      fullName: 'Gulnara Abenova',
      language: 'kk',
      homeVillage: 'Akshukur',
    },
    title: 'Fire extinguishers: sale, refilling and checks',
    summary: 'Sale and refilling of fire extinguishers and smoke detectors, with yearly checks for homes and farms.',
    description:
      'Residents and farms must drive to Aktau to refill extinguishers, so most do not. A certified refilling station in ' +
      'Akshukur and a stock of extinguishers and smoke detectors, with a yearly check visit to each customer.',
    sector: 'services',
    goals: [
      { code: 'G2', contribution: 'Working extinguishers and smoke detectors in homes and farms, checked every year.' },
    ],
    jobsCreated: 2,
    startInMonths: 2,
    durationMonths: 5,
    budget: [
      {
        category: 'equipment',
        description: 'Extinguisher refilling and testing station',
        tenge: 1_400_000,
        source: 'grant',
      },
      { category: 'stock', description: 'Extinguishers and smoke detectors for sale', tenge: 600_000, source: 'grant' },
      {
        category: 'training',
        description: 'Certified fire-safety course for two people',
        tenge: 250_000,
        source: 'own',
      },
      { category: 'premises', description: 'Garage fitted out as a workshop', tenge: 350_000, source: 'own' },
    ],
  },
  {
    applicant: {
      email: 'applicant7@demo.startup.kz',
      fullName: 'Dauren Seitkali',
      language: 'ru',
      homeVillage: 'Akshukur',
    },
    title: 'Sewing and clothing repair workshop',
    summary: 'Tailoring, clothing repair and school uniforms made to order in the village.',
    description:
      'Two industrial sewing machines and an overlocker in a room of the applicant’s house; orders from residents and the school.',
    sector: 'crafts',
    goals: [{ code: 'G3', contribution: 'Repairs and tailoring that residents now travel to Aktau for.' }],
    jobsCreated: 2,
    startInMonths: 1,
    durationMonths: 3,
    budget: [
      {
        category: 'equipment',
        description: 'Two industrial sewing machines and an overlocker',
        tenge: 900_000,
        source: 'grant',
      },
      { category: 'premises', description: 'Room fitted out as a workshop', tenge: 300_000, source: 'own' },
    ],
    ineligible: {
      reason: 'applicant_not_eligible',
      note: 'The same workshop received a Start Up grant in 2024; the rules allow one grant per business.',
    },
  },
  {
    applicant: {
      email: 'applicant8@demo.startup.kz',
      fullName: 'Zhanna Mukhanova',
      language: 'kk',
      homeVillage: 'Akshukur',
    },
    title: 'Greenhouse with drip irrigation',
    summary: 'A 200 m2 greenhouse growing tomatoes, cucumbers and greens for the village, watered by drip irrigation.',
    description:
      'Vegetables in Akshukur come from Aktau and are expensive in winter. A polycarbonate greenhouse with drip irrigation ' +
      'and a water tank uses a third of the water of hose watering and supplies the village shops all year.',
    sector: 'agriculture',
    goals: [
      {
        code: 'G1',
        contribution: 'Drip irrigation and a storage tank: a garden that uses a third of the water of hose watering.',
      },
    ],
    jobsCreated: 3,
    startInMonths: 3,
    durationMonths: 6,
    budget: [
      { category: 'construction', description: 'Polycarbonate greenhouse, 200 m2', tenge: 1_800_000, source: 'grant' },
      { category: 'equipment', description: 'Drip irrigation and a 5 m3 water tank', tenge: 800_000, source: 'grant' },
      { category: 'materials', description: 'Seedlings, soil and fertiliser', tenge: 400_000, source: 'own' },
      { category: 'labour', description: 'Building the greenhouse (family work)', tenge: 500_000, source: 'own' },
    ],
  },
];

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
