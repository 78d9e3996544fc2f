/** A village's plan as an admin enters it: the period and its goals, most pressing first. */
export const CREATE_PLAN_EXAMPLE = {
  villageId: '3f1c9a52-8d4e-4b7a-9c2e-6a1d5e7b8c90',
  title: 'Bautino development plan 2026-2030',
  periodStart: 2026,
  periodEnd: 2030,
  goals: [
    { code: 'G1', title: 'Reliable drinking water supply', description: 'Pipes and a pumping station', priority: 1 },
    { code: 'G2', title: 'Jobs for young people', priority: 2 },
  ],
};

export const UPDATE_PLAN_EXAMPLE = {
  periodEnd: 2031,
  goals: [
    { code: 'G1', title: 'Reliable drinking water supply', priority: 1 },
    { code: 'G2', title: 'Jobs for young people', priority: 2 },
    { code: 'G3', title: 'Tourism on the coast', priority: 3 },
  ],
};
