import { DemoPlan, DemoRegion } from './types';

export const MANGISTAU_REGION: DemoRegion = {
  region: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangistau region' },
  kato: '470000000',
  districts: [
    {
      name: { kk: 'Мұнайлы ауданы', ru: 'Мунайлинский район', en: 'Munaily district' },
      kato: '475000000',
      villages: [
        { name: { kk: 'Батыр', ru: 'Батыр', en: 'Batyr' } },
        { name: { kk: 'Баянды', ru: 'Баянды', en: 'Bayandy' } },
        { name: { kk: 'Қызылтөбе', ru: 'Кызылтобе', en: 'Kyzyltobe' } },
        { name: { kk: 'Маңғыстау', ru: 'Мангистау', en: 'Mangistau' } },
      ],
    },
    {
      name: { kk: 'Түпқараған ауданы', ru: 'Тупкараганский район', en: 'Tupkaragan district' },
      kato: '475200000',
      villages: [
        { name: { kk: 'Ақшұқыр', ru: 'Акшукур', en: 'Akshukur' } },
        { name: { kk: 'Баутин', ru: 'Баутино', en: 'Bautino' } },
        { name: { kk: 'Форт-Шевченко', ru: 'Форт-Шевченко', en: 'Fort-Shevchenko' } },
      ],
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
        title: {
          kk: 'Ауыз сумен сенімді жабдықтау',
          ru: 'Надёжное питьевое водоснабжение',
          en: 'Reliable drinking water supply',
        },
        description: {
          kk: 'Әр үйге жыл бойы тұщытылған су.',
          ru: 'Опреснённая вода для каждого дома круглый год.',
          en: 'Desalinated water for every household all year.',
        },
      },
      {
        code: 'G2',
        priority: 2,
        title: { kk: 'Жастарды жұмыспен қамту', ru: 'Занятость молодёжи', en: 'Jobs for young people' },
        description: {
          kk: '18–35 жастағы тұрғындарға ауылдан кетпей-ақ жергілікті жұмыс.',
          ru: 'Работа на месте для жителей 18–35 лет, чтобы им не приходилось уезжать.',
          en: 'Local work for residents aged 18-35, so they need not leave.',
        },
      },
      {
        code: 'G3',
        priority: 3,
        title: { kk: 'Жағалаудағы туризмді дамыту', ru: 'Развитие приморского туризма', en: 'Seaside tourism' },
        description: {
          kk: 'Каспий жағалауына келушілерге арналған қонақ үйлер, қайықпен серуен және қызметтер.',
          ru: 'Гостевые дома, морские прогулки и услуги для гостей каспийского побережья.',
          en: 'Guest houses, boat trips and services for visitors to the Caspian coast.',
        },
      },
      {
        code: 'G4',
        priority: 4,
        title: { kk: 'Балық өңдеу', ru: 'Переработка рыбы', en: 'Fish processing' },
        description: {
          kk: 'Жергілікті ауланған балықты ауылдан шықпай тұрып өңдеп, құнын арттыру.',
          ru: 'Переработка местного улова, пока он не покинул село.',
          en: 'Add value to the local catch before it leaves the village.',
        },
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
        title: { kk: 'Сумен жабдықтау және суару', ru: 'Водоснабжение и орошение', en: 'Water supply and irrigation' },
        description: {
          kk: 'Үйлерге, бау-бақшаға және малға су.',
          ru: 'Вода для домов, огородов и скота.',
          en: 'Water for households, gardens and livestock.',
        },
      },
      {
        code: 'G2',
        priority: 2,
        title: { kk: 'Өрт қауіпсіздігі', ru: 'Пожарная безопасность', en: 'Fire prevention' },
        description: {
          kk: 'Дала мен үй өрттерінің қаупін азайтатын жабдықтар мен қызметтер.',
          ru: 'Оборудование и услуги, снижающие риск степных и бытовых пожаров.',
          en: 'Equipment and services that lower the risk of steppe and house fires.',
        },
      },
      {
        code: 'G3',
        priority: 3,
        title: { kk: 'Тұрмыстық қызметтер', ru: 'Бытовые услуги', en: 'Everyday services' },
        description: {
          kk: 'Тұрғындар қазір басқа жерге барып алатын жөндеу, наубайхана, кір жуу және басқа қызметтер.',
          ru: 'Ремонт, пекарня, прачечная и другие услуги, за которыми жители сейчас ездят в другие места.',
          en: 'Repairs, bakery, laundry and other services residents now travel for.',
        },
      },
    ],
  },
];
