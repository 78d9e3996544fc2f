import {
  APPLICATION_MOVES,
  APPLICATION_STATUSES,
  ApplicationMove,
  ApplicationStatus,
  canApplication,
  moveTarget,
  referenceFor,
} from './application-status';

/** DESIGN.md section 3, written out move by move: the table must allow exactly these. */
const ALLOWED: [ApplicationMove, ApplicationStatus, ApplicationStatus][] = [
  ['submit', 'draft', 'submitted'],
  ['withdraw', 'draft', 'withdrawn'],
  ['withdraw', 'submitted', 'withdrawn'],
  ['withdraw', 'returned', 'withdrawn'],
  ['return_for_changes', 'submitted', 'returned'],
  ['resubmit', 'returned', 'submitted'],
  ['lapse_return', 'returned', 'withdrawn'],
  ['withdraw', 'eligible', 'withdrawn'],
  ['withdraw', 'in_review', 'withdrawn'],
  ['withdraw', 'shortlisted', 'withdrawn'],
  ['screen_eligible', 'submitted', 'eligible'],
  ['screen_ineligible', 'submitted', 'ineligible'],
  ['enter_review', 'eligible', 'in_review'],
  ['enter_review', 'shortlisted', 'in_review'],
  ['advance', 'in_review', 'shortlisted'],
  ['not_advance', 'in_review', 'not_awarded'],
  ['award', 'shortlisted', 'awarded'],
  ['not_award', 'shortlisted', 'not_awarded'],
];

const MOVES = Object.keys(APPLICATION_MOVES) as ApplicationMove[];
const allowed = new Set(ALLOWED.map(([move, from]) => `${move}:${from}`));

describe('application transition table', () => {
  it.each(ALLOWED)('%s moves %s to %s', (move, from, to) => {
    expect(moveTarget(move, from)).toBe(to);
  });

  it.each(
    MOVES.flatMap((move) =>
      APPLICATION_STATUSES.filter((from) => !allowed.has(`${move}:${from}`)).map((from) => [move, from] as const),
    ),
  )('refuses %s from %s', (move, from) => {
    expect(moveTarget(move, from)).toBeNull();
  });

  it.each([
    // Reviews and awards asking for moves the lifecycle does not have.
    ['award', 'withdrawn'],
    ['award', 'in_review'],
    ['award', 'not_awarded'],
    ['not_award', 'awarded'],
    ['enter_review', 'in_review'],
    ['enter_review', 'submitted'],
    ['enter_review', 'ineligible'],
    ['advance', 'eligible'],
    ['not_advance', 'shortlisted'],
    // Withdrawal only before a decision; screening and submission only once.
    ['withdraw', 'awarded'],
    ['withdraw', 'not_awarded'],
    ['withdraw', 'ineligible'],
    ['withdraw', 'withdrawn'],
    ['screen_eligible', 'eligible'],
    ['screen_ineligible', 'in_review'],
    ['submit', 'submitted'],
    // A return only during screening, answered or lapsed once; a returned application is resubmitted, not submitted.
    ['return_for_changes', 'returned'],
    ['return_for_changes', 'eligible'],
    ['return_for_changes', 'draft'],
    ['resubmit', 'submitted'],
    ['lapse_return', 'submitted'],
    ['submit', 'returned'],
    ['screen_eligible', 'returned'],
  ] as [ApplicationMove, ApplicationStatus][])('refuses %s from %s (a sample spelled out)', (move, from) => {
    expect(moveTarget(move, from)).toBeNull();
  });

  it('leaves no way out of a decision: awarded, not awarded, ineligible and withdrawn are final', () => {
    const final: ApplicationStatus[] = ['awarded', 'not_awarded', 'ineligible', 'withdrawn'];
    expect(MOVES.flatMap((move) => final.filter((from) => moveTarget(move, from) !== null))).toEqual([]);
  });

  it('allows a move exactly where the table gives it a target', () => {
    for (const move of MOVES)
      for (const status of APPLICATION_STATUSES)
        expect([move, status, canApplication(move, status)]).toEqual([move, status, allowed.has(`${move}:${status}`)]);
  });

  it('lets an applicant edit a draft or a returned application, and delete a draft only', () => {
    for (const status of APPLICATION_STATUSES) {
      expect([status, canApplication('edit', status), canApplication('delete', status)]).toEqual([
        status,
        status === 'draft' || status === 'returned',
        status === 'draft',
      ]);
    }
  });
});

describe('application reference', () => {
  it.each([
    ['TUP', 2026, 42, 'SU-TUP-2026-0042'],
    ['TUP', 2026, 1, 'SU-TUP-2026-0001'],
    ['AKT7', 2027, 9999, 'SU-AKT7-2027-9999'],
    // Past 9999 the number grows rather than being cut.
    ['TUP', 2026, 12345, 'SU-TUP-2026-12345'],
  ])('%s, %i, number %i is %s', (code, year, number, expected) => {
    expect(referenceFor(code, year, number)).toBe(expected);
  });
});
