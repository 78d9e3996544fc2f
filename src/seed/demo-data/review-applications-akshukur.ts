import { DemoApplication } from './types';

/** Applicants from Akshukur in the competition in review. */
export const AKSHUKUR_APPLICATIONS: DemoApplication[] = [
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
