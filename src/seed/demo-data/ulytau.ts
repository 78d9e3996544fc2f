import { DemoRegion } from './types';

export const ULYTAU_REGION: DemoRegion = {
  region: 'Ulytau region',
  kato: '620000000',
  districts: [
    { name: 'Karazhal district', kato: '621800000', villages: [] },
    { name: 'Satpayev district', villages: [] },
    { name: 'Zhanaarka district', kato: '623600000', villages: [] },
    { name: 'Ulytau district', kato: '623800000', villages: [] },
  ],
};
