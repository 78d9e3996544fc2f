import { parseContact, phoneDigits } from './contact';

describe('contact', () => {
  it('reads the local and international forms of one Kazakh number as the same digits', () => {
    expect(phoneDigits('8 701 123 45 67')).toBe('77011234567');
    expect(phoneDigits('+7 (701) 123-45-67')).toBe('77011234567');
    expect(phoneDigits('77011234567')).toBe('77011234567');
  });

  it('tells an email address from a phone number and refuses anything else', () => {
    expect(parseContact('  Aigerim@Example.KZ ')).toEqual({ email: 'aigerim@example.kz' });
    expect(parseContact('+7 701 123 45 67')).toEqual({ phoneDigits: '77011234567' });
    expect(parseContact('Aigerim')).toBeNull();
    expect(parseContact('')).toBeNull();
    expect(parseContact('12')).toBeNull();
  });
});
