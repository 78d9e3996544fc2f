import { jurorPseudonym } from './pseudonym';

describe('juror pseudonym', () => {
  const of = (secret: string, competition: string, juror: string) => jurorPseudonym(secret, competition, juror);

  it('is J- and eight hex digits of the HMAC of the competition and the juror', () => {
    // HMAC-SHA256 of "juror:c1:j1" under "secret", first eight hex digits.
    expect(of('secret', 'c1', 'j1')).toBe('J-5914a7c9');
    expect(of('secret', 'c1', 'j1')).toMatch(/^J-[0-9a-f]{8}$/);
  });

  it.each([
    ['another juror', 'secret', 'c1', 'j2'],
    ['another competition', 'secret', 'c2', 'j1'],
    ['another secret', 'other', 'c1', 'j1'],
    ['the ids run together differently', 'secret', 'c1:j', '1'],
  ])('differs for %s', (_case, secret, competition, juror) => {
    expect(of(secret, competition, juror)).not.toBe(of('secret', 'c1', 'j1'));
  });
});
