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
  title: { kk: 'Start Up Түпқараған 2026', ru: 'Start Up Тупкараган 2026', en: 'Start Up Tupkaragan 2026' },
  description: {
    kk:
      'Кәсібі Баутин немесе Ақшұқыр ауылының даму жоспарына қызмет ететін кәсіпкерлерге шағын гранттар. ' +
      'Грант мөлшері 500 000 – 3 000 000 теңге; өз үлесі кемінде 20%.',
    ru:
      'Малые гранты предпринимателям, чей бизнес служит плану развития Баутино или Акшукура. ' +
      'Гранты от 500 000 до 3 000 000 тенге; собственный вклад не меньше 20%.',
    en:
      'Small grants for entrepreneurs whose business supports the development plan of Bautino or Akshukur. ' +
      'Grants from 500,000 to 3,000,000 tenge; at least 20% own contribution.',
  },
  budget: '2000000000',
  minAward: '50000000',
  maxAward: '300000000',
  minOwnShareBp: 2000,
  maxApplicationsPerApplicant: 1,
  villages: ['Bautino', 'Akshukur'],
  openDays: 60,
};
