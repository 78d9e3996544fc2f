import { DemoRegion } from './types';

export const ABAY_REGION: DemoRegion = {
  region: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abay region' },
  kato: '100000000',
  districts: [
    {
      name: { kk: 'Аягөз ауданы', ru: 'Аягозский район', en: 'Ayagoz district' },
      kato: '103600000',
      villages: [
        {
          name: { kk: 'Емелтау ауылдық округі', ru: 'Емелтауский сельский округ', en: 'Emeltau' },
          kato: '103655000',
          kind: 'rural_district',
        },
      ],
    },
    {
      name: { kk: 'Көкпекті ауданы', ru: 'Кокпектинский район', en: 'Kokpekty district' },
      kato: '104400000',
      villages: [],
    },
    { name: { kk: 'Мақаншы ауданы', ru: 'Маканчинский район', en: 'Makanshy district' }, villages: [] },
    { name: { kk: 'Жаңасемей ауданы', ru: 'Жанасемейский район', en: 'Zhanasemey district' }, villages: [] },
  ],
};
