/** Places as an admin enters them: names in Kazakh, Russian and English (at least one is needed). */
export const CREATE_REGION_EXAMPLE = {
  name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' },
  katoCode: '470000000',
};

export const CREATE_DISTRICT_EXAMPLE = {
  regionId: '3f1c9a52-8d4e-4b7a-9c2e-6a1d5e7b8c90',
  name: { kk: 'Түпқараған ауданы', ru: 'Тупкараганский район', en: 'Tupkaragan District' },
  katoCode: '475200000',
};

export const CREATE_VILLAGE_EXAMPLE = {
  districtId: '7a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
  name: { kk: 'Ақшұқыр ауылы', ru: 'село Акшукур', en: 'Akshukur' },
  kind: 'village',
};

/** A name given in one more language: the object replaces the stored one, so every language is sent. */
export const RENAME_PLACE_EXAMPLE = {
  name: { kk: 'Ақшұқыр ауылы', ru: 'село Акшукур', en: 'Aqshuqyr' },
};
