/** The content of a draft: goals of the village plan it serves and a budget that adds up. */
export const DRAFT_CONTENT_EXAMPLE = {
  title: 'Greenhouse for year-round vegetables',
  summary: 'A heated greenhouse supplying the village school and shop with vegetables in winter',
  description: 'Two polycarbonate greenhouses of 120 m² with drip irrigation, run by the family',
  sector: 'agriculture',
  goals: [{ goalId: '0b6f8e2a-4c1d-4e5f-9a7b-3c2d1e0f9a8b', contribution: 'Three jobs for young people' }],
  requestedAmount: '250000000',
  ownContribution: '80000000',
  budgetLines: [
    { category: 'equipment', description: 'Greenhouse frames and cover', amount: '200000000', source: 'grant' },
    { category: 'works', description: 'Irrigation', amount: '50000000', source: 'grant' },
    { category: 'land', description: 'Plot preparation', amount: '80000000', source: 'own' },
  ],
  jobsCreated: 3,
  plannedStart: '2027-03-01',
  durationMonths: 12,
};

export const CREATE_DRAFT_EXAMPLE = {
  ...DRAFT_CONTENT_EXAMPLE,
  villageId: '3f1c9a52-8d4e-4b7a-9c2e-6a1d5e7b8c90',
  villageReason: 'The plot is in the neighbouring village',
};

export const ASSISTED_DRAFT_EXAMPLE = {
  ...DRAFT_CONTENT_EXAMPLE,
  applicantId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
};

export const BULK_SCREENING_EXAMPLE = {
  decisions: [
    { applicationId: '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b', decision: 'eligible' },
    {
      applicationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      decision: 'ineligible',
      reason: 'village_not_eligible',
      note: 'The business is registered in another district',
    },
  ],
};
