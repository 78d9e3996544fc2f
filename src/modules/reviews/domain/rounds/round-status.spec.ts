import { jurorMay, ROUND_TRANSITIONS, RoundStatus } from './round-status';

describe('round status', () => {
  it.each<[RoundStatus, boolean, boolean]>([
    // status, the juror reads their assignment, the juror scores it
    ['draft', false, false],
    ['open', true, true],
    ['closed', true, false],
    ['finalized', true, false],
  ])('in a %s round a juror reads: %s, scores: %s', (status, read, score) => {
    expect({ read: jurorMay('read', status), score: jurorMay('score', status) }).toEqual({ read, score });
  });

  it('goes draft, open, closed, finalized, editable in draft only', () => {
    expect(ROUND_TRANSITIONS).toEqual({
      edit: { from: 'draft', to: 'draft' },
      open: { from: 'draft', to: 'open' },
      close: { from: 'open', to: 'closed' },
      finalize: { from: 'closed', to: 'finalized' },
    });
  });
});
