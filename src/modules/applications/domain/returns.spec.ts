import { RETURN_LIMITS, returnProblems } from './returns';

const now = new Date('2026-12-06T10:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const fields = (message: string, answerBy: Date | null) =>
  returnProblems({ message, answerBy }, now).map((p) => p.field);

describe('return for changes: the request', () => {
  it('accepts a message and a date at least a day and at most 60 days ahead', () => {
    expect(fields('Please split the equipment line by item.', hours(24))).toEqual([]);
    expect(fields('x', hours(60 * 24))).toEqual([]);
    expect(fields('x'.repeat(RETURN_LIMITS.messageMax), hours(120))).toEqual([]);
  });

  it.each([
    ['', 'message'],
    ['   \n ', 'message'],
    ['x'.repeat(RETURN_LIMITS.messageMax + 1), 'message'],
  ])('refuses the message %j', (message, field) => {
    expect(fields(message, hours(48))).toEqual([field]);
  });

  it.each([
    ['missing', null],
    ['not a date', new Date('nonsense')],
    ['in the past', hours(-1)],
    ['now', hours(0)],
    ['less than a day ahead', hours(23.99)],
    ['more than 60 days ahead', hours(60 * 24 + 1)],
  ])('refuses an answer-by date %s', (_, answerBy) => {
    expect(fields('Fix the budget', answerBy)).toEqual(['answerBy']);
  });

  it('names every problem at once', () => {
    expect(fields('', null)).toEqual(['message', 'answerBy']);
  });
});
