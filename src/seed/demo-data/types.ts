/** The shapes of the demo data: places, plans and the applications of the competition in review. */

export interface DemoRegion {
  region: string;
  kato: string;
  districts: {
    name: string;
    kato?: string;
    villages: { name: string; kato?: string; kind?: 'village' | 'rural_district' }[];
  }[];
}

export interface DemoPlan {
  /** The village the plan belongs to, by name. */
  village: string;
  title: string;
  goals: { code: string; priority: number; title: string; description: string }[];
}

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
