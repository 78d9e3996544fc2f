import { DemoApplication } from './types';

/** Applicants from Bautino in the competition in review. */
export const BAUTINO_APPLICATIONS: DemoApplication[] = [
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
];
