/** How a manager names a person at the office desk: an email address or a phone number. */
export type Contact = { email: string } | { phoneDigits: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/;

/**
 * The digits of a Kazakh phone number in one form: 8 701 123 45 67 and +7 (701) 123-45-67 are
 * the same number, 77011234567.
 */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return /^8[0-9]{10}$/.test(digits) ? `7${digits.slice(1)}` : digits;
}

/** An email address or a phone number as typed, or null when it is neither. */
export function parseContact(input: string): Contact | null {
  const text = input.trim();
  if (text.length > 254) return null;
  if (EMAIL.test(text)) return { email: text.toLowerCase() };
  if (PHONE.test(text)) return { phoneDigits: phoneDigits(text) };
  return null;
}
