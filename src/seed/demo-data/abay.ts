import { DemoRegion } from './types';

export const ABAY_REGION: DemoRegion = {
  region: 'Abay region',
  kato: '100000000',
  districts: [
    {
      name: 'Ayagoz district',
      kato: '103600000',
      villages: [{ name: 'Emeltau', kato: '103655000', kind: 'rural_district' }],
    },
    { name: 'Kokpekty district', kato: '104400000', villages: [] },
    { name: 'Makanshy district', villages: [] },
    { name: 'Zhanasemey district', villages: [] },
  ],
};
