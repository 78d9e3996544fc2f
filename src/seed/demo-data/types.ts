import type { LocalizedText } from '../../common/i18n/localized-text';

/**
 * The shapes of the demo data: places, plans and the applications of the competition in review.
 * Staff-written texts come in Kazakh, Russian and English; other demo data names a place by its
 * English name (`en`), which every demo place has.
 */
export type DemoText = Required<LocalizedText>;

export interface DemoRegion {
  region: DemoText;
  kato: string;
  districts: {
    name: DemoText;
    kato?: string;
    villages: { name: DemoText; kato?: string; kind?: 'village' | 'rural_district' }[];
  }[];
}

export interface DemoPlan {
  /** The village the plan belongs to, by its English name. */
  village: string;
  title: string;
  goals: { code: string; priority: number; title: DemoText; description: DemoText }[];
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
