import { backoffMs, describeSendFailure, isPermanentSmtpFailure } from './notification-status';

describe('send failures', () => {
  it('are permanent only for a 5xx to RCPT TO or DATA', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550, command: 'RCPT TO' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 554, command: 'DATA' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 535, command: 'AUTH PLAIN' })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 550, command: 'MAIL FROM' })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 451, command: 'RCPT TO' })).toBe(false);
    expect(isPermanentSmtpFailure(new Error('connect ECONNREFUSED'))).toBe(false);
  });

  it('are described without the address the server repeats', () => {
    const postfix = {
      responseCode: 550,
      command: 'RCPT TO',
      response: '550 5.1.1 <aigerim@example.kz>: Recipient address rejected',
    };
    expect(describeSendFailure(postfix)).toBe('SMTP 550 5.1.1 after RCPT TO');
    expect(
      describeSendFailure(Object.assign(new Error('Invalid address aigerim@example.kz'), { code: 'EENVELOPE' })),
    ).toBe('EENVELOPE: Invalid address <address>');
  });
});

describe('backoff', () => {
  it('doubles per attempt, with jitter between half and all of the step, capped', () => {
    expect(backoffMs(1, 100, 10000, () => 0)).toBe(50);
    expect(backoffMs(1, 100, 10000, () => 1)).toBe(100);
    expect(backoffMs(4, 100, 10000, () => 1)).toBe(800);
    expect(backoffMs(30, 100, 10000, () => 1)).toBe(10000);
  });
});
