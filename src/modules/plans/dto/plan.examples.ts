const WATER = { kk: 'Сумен жабдықтау', ru: 'Водоснабжение', en: 'Water supply' };
const YOUTH_JOBS = { kk: 'Жастарды жұмыспен қамту', ru: 'Занятость молодёжи', en: 'Jobs for young people' };

/** A village's plan as an admin enters it: the period and its goals, most pressing first. */
export const CREATE_PLAN_EXAMPLE = {
  villageId: '3f1c9a52-8d4e-4b7a-9c2e-6a1d5e7b8c90',
  title: 'Bautino development plan 2026-2030',
  periodStart: 2026,
  periodEnd: 2030,
  goals: [
    {
      code: 'G1',
      title: WATER,
      description: {
        kk: 'Құбырлар мен сорғы станциясы',
        ru: 'Трубы и насосная станция',
        en: 'Pipes and a pumping station',
      },
      priority: 1,
    },
    { code: 'G2', title: YOUTH_JOBS, priority: 2 },
  ],
};

export const UPDATE_PLAN_EXAMPLE = {
  periodEnd: 2031,
  goals: [
    { code: 'G1', title: WATER, priority: 1 },
    { code: 'G2', title: YOUTH_JOBS, priority: 2 },
    { code: 'G3', title: { kk: 'Туризмді дамыту', ru: 'Развитие туризма', en: 'Tourism development' }, priority: 3 },
  ],
};
