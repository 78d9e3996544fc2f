import { SCREENING_REASONS, ScreeningDecision, screeningProblem } from './screening';

describe('screening decision', () => {
  it.each<[string, ScreeningDecision, string | undefined, string | undefined, string | null]>([
    ['eligible needs no reason', 'eligible', undefined, undefined, null],
    ['eligible ignores a reason "other" without a note', 'eligible', 'other', undefined, null],
    ['ineligible with a reason from the list', 'ineligible', 'documents_missing', undefined, null],
    ['ineligible with a listed reason and a blank note', 'ineligible', 'duplicate_application', '  ', null],
    ['ineligible without a reason', 'ineligible', undefined, 'a note alone', 'an ineligible decision needs a reason'],
    ['ineligible with an empty reason', 'ineligible', '', undefined, 'an ineligible decision needs a reason'],
    ['"other" with a note', 'ineligible', 'other', 'The applicant moved away', null],
    ['"other" without a note', 'ineligible', 'other', undefined, 'the reason "other" needs a note'],
    ['"other" with an empty note', 'ineligible', 'other', '', 'the reason "other" needs a note'],
    ['"other" with a blank note', 'ineligible', 'other', ' \n\t ', 'the reason "other" needs a note'],
  ])('%s', (_case, decision, reason, note, expected) => {
    expect(screeningProblem(decision, reason, note)).toBe(expected);
  });

  it('asks a note of "other" only', () => {
    expect(SCREENING_REASONS.filter((reason) => screeningProblem('ineligible', reason, undefined) !== null)).toEqual([
      'other',
    ]);
  });
});
