/** Awards chosen by hand (without items, the allocation's funded list is proposed). */
export const PROPOSE_AWARDS_EXAMPLE = {
  items: [
    { applicationId: '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b', amount: '250000000' },
    { applicationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', amount: '120000000' },
  ],
};

/** A grantee's milestone report: what was done, jobs so far, what was spent, and the award files that show it. */
export const SUBMIT_REPORT_EXAMPLE = {
  body: 'Both greenhouses are built and the first crop is planted; the school takes 40 kg a week',
  jobsCreated: 2,
  spending: [
    { category: 'equipment', description: 'Greenhouse frames and cover', amount: '200000000' },
    { category: 'works', description: 'Irrigation', amount: '25000000' },
  ],
  fileIds: ['6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e'],
};
