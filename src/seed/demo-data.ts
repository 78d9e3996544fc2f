/** The places the programme works in, and a small demo around them. */
export const PLACES: { region: string; districts: { name: string; villages: { name: string; kind?: 'village' | 'rural_district' }[] }[] }[] = [
  {
    region: 'Mangistau region',
    districts: [
      { name: 'Munaily district', villages: [{ name: 'Batyr' }, { name: 'Bayandy' }, { name: 'Kyzyltobe' }, { name: 'Mangistau' }] },
      { name: 'Tupkaragan district', villages: [{ name: 'Akshukur' }, { name: 'Bautino' }, { name: 'Fort-Shevchenko' }] },
    ],
  },
  {
    region: 'Abay region',
    districts: [
      { name: 'Ayagoz district', villages: [{ name: 'Emeltau', kind: 'rural_district' }] },
      { name: 'Kokpekty district', villages: [] },
      { name: 'Makanshy district', villages: [] },
      { name: 'Zhanasemey district', villages: [] },
    ],
  },
  {
    region: 'Ulytau region',
    districts: [
      { name: 'Karazhal district', villages: [] },
      { name: 'Satpayev district', villages: [] },
      { name: 'Zhanaarka district', villages: [] },
      { name: 'Ulytau district', villages: [] },
    ],
  },
];

export const PLANS = [
  {
    village: 'Bautino',
    title: 'Bautino village development plan 2026-2030',
    goals: [
      { code: 'G1', priority: 1, title: 'Reliable drinking water supply', description: 'Desalinated water for every household all year.' },
      { code: 'G2', priority: 2, title: 'Jobs for young people', description: 'Local work for residents aged 18-35, so they need not leave.' },
      { code: 'G3', priority: 3, title: 'Seaside tourism', description: 'Guest houses, boat trips and services for visitors to the Caspian coast.' },
      { code: 'G4', priority: 4, title: 'Fish processing', description: 'Add value to the local catch before it leaves the village.' },
    ],
  },
  {
    village: 'Akshukur',
    title: 'Akshukur village development plan 2026-2030',
    goals: [
      { code: 'G1', priority: 1, title: 'Water supply and irrigation', description: 'Water for households, gardens and livestock.' },
      { code: 'G2', priority: 2, title: 'Fire prevention', description: 'Equipment and services that lower the risk of steppe and house fires.' },
      { code: 'G3', priority: 3, title: 'Everyday services', description: 'Repairs, bakery, laundry and other services residents now travel for.' },
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
