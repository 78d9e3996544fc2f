/** The five levels of a 0..4 scale, as jurors read them in each language. */
const LEVELS = [
  { kk: 'Жоқ', ru: 'Нет', en: 'None' },
  { kk: 'Әлсіз', ru: 'Слабо', en: 'Weak' },
  { kk: 'Орташа', ru: 'Удовлетворительно', en: 'Fair' },
  { kk: 'Жақсы', ru: 'Хорошо', en: 'Good' },
  { kk: 'Күшті', ru: 'Отлично', en: 'Strong' },
];

/** A scoring round as a manager creates it: the rubric with a gate, the loads, disputes and advancement. */
export const CREATE_ROUND_EXAMPLE = {
  name: 'Round 1: scoring',
  deadline: '2026-11-30T18:00:00.000Z',
  criteria: [
    {
      code: 'plan_alignment',
      title: {
        kk: 'Ауылдың даму жоспарына сәйкестігі',
        ru: 'Соответствие плану развития села',
        en: 'Supports the village plan',
      },
      weight: 3,
      max: 4,
      descriptors: LEVELS,
      min: 1,
    },
    {
      code: 'feasibility',
      title: {
        kk: 'Бюджет пен команда жеткілікті',
        ru: 'Выполнимость при данном бюджете и команде',
        en: 'Feasible with the budget and the team',
      },
      weight: 2,
      max: 4,
      descriptors: LEVELS,
    },
  ],
  priorityCriterion: 'plan_alignment',
  jurorsPerApplication: 3,
  minLoad: 0,
  maxLoad: 30,
  quorum: 2,
  disputeSpread: 30,
  disputeMargin: 3,
  disputeMaxShare: 0.1,
  calibratedDecisive: false,
  advancement: { kind: 'budget', multiple: 1.5 },
  blind: true,
};

export const UPDATE_ROUND_EXAMPLE = {
  maxLoad: 40,
  advancement: { kind: 'top', n: 20 },
};
