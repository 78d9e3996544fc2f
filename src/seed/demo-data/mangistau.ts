import { DemoPlan, DemoRegion } from './types';

export const MANGISTAU_REGION: DemoRegion = {
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
};

/** The adopted plans of the two villages the demo competitions fund. */
export const MANGISTAU_PLANS: DemoPlan[] = [
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
