/** A scoring round as a manager creates it: the rubric with a gate, the loads, disputes and advancement. */
export const CREATE_ROUND_EXAMPLE = {
  name: 'Round 1: scoring',
  deadline: '2026-11-30T18:00:00.000Z',
  criteria: [
    {
      code: 'plan_alignment',
      title: 'Supports the village plan',
      weight: 3,
      max: 4,
      descriptors: ['none', 'weak', 'fair', 'good', 'strong'],
      min: 1,
    },
    {
      code: 'feasibility',
      title: 'Feasible with the budget and the team',
      weight: 2,
      max: 4,
      descriptors: ['none', 'weak', 'fair', 'good', 'strong'],
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
