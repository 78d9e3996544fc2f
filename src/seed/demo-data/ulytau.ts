import { DemoRegion } from './types';

export const ULYTAU_REGION: DemoRegion = {
  region: { kk: 'Ұлытау облысы', ru: 'Улытауская область', en: 'Ulytau region' },
  kato: '620000000',
  districts: [
    {
      name: { kk: 'Қаражал ауданы', ru: 'Каражальский район', en: 'Karazhal district' },
      kato: '621800000',
      villages: [],
    },
    { name: { kk: 'Сәтбаев ауданы', ru: 'Сатпаевский район', en: 'Satpayev district' }, villages: [] },
    {
      name: { kk: 'Жаңаарқа ауданы', ru: 'Жанааркинский район', en: 'Zhanaarka district' },
      kato: '623600000',
      villages: [],
    },
    { name: { kk: 'Ұлытау ауданы', ru: 'Улытауский район', en: 'Ulytau district' }, kato: '623800000', villages: [] },
  ],
};
