import { linksTo } from './mail-transport';

describe('links a mail carries', () => {
  it('finds the service own links in order, once each, and nothing else', () => {
    const text = [
      'Confirm your address: http://localhost:3000/confirm-email?token=abc_DEF-1.',
      'Or open (http://localhost:3000/confirm-email?token=abc_DEF-1) again.',
      'Rules: http://localhost:3000/competitions/42',
      'Elsewhere: https://example.kz/page and http://localhost:30000/not-ours',
    ].join('\n');
    expect(linksTo('http://localhost:3000', text)).toEqual([
      'http://localhost:3000/confirm-email?token=abc_DEF-1',
      'http://localhost:3000/competitions/42',
    ]);
  });
});
