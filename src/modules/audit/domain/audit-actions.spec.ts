import { AUDIT_ACTIONS } from './audit-actions';

describe('audit actions', () => {
  it('names each action once', () => {
    const seen = new Set<string>();
    const twice = AUDIT_ACTIONS.filter((a) => seen.size === seen.add(a).size);
    expect(twice).toEqual([]);
  });

  it('names every action as entity.past_tense, the shape the audit filter accepts', () => {
    // The same pattern as the `action` filter of GET /audit (audit.dto.ts).
    expect(AUDIT_ACTIONS.filter((a) => !/^[a-z_]+(\.[a-z_]+)*$/.test(a) || !a.includes('.'))).toEqual([]);
  });

  it.each([
    // DESIGN.md section 4: the decisions observers must be able to trace (rules 9, 10) and their reads.
    'application.submitted',
    'application.screened',
    'competition.opened',
    'competition.finalized',
    'review_round.opened',
    'review_round.finalized',
    'scoresheet.submitted',
    'assignment.recused',
    'conflict.declared',
    'award.proposed',
    'award.approved',
    'award.cancelled',
    'payment.recorded',
    'payment.failed',
    'oversight.read',
  ])('has %s', (action) => {
    expect(AUDIT_ACTIONS).toContain(action);
  });
});
