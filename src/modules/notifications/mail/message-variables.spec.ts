import { MessageVariables } from './message-types';
import { messageVariables } from './message-variables';
import { resolveTemplatesDir, TemplateRenderer } from './template-renderer';

const templatesDir = resolveTemplatesDir();

describe('messageVariables for the review mails', () => {
  const links = { publicUrl: 'https://startup.example.kz', linkSecret: 'secret' };
  const roundData = {
    roundId: 'r-1',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'First round',
    deadline: '2023-12-15T12:00:00Z',
  };
  const resultsData = {
    roundId: 'r-1',
    applicationId: 'a-1',
    reference: 'SU-2023-0042',
    applicationTitle: 'Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'First round',
    advanced: false,
    officialScore: null,
  };

  it('builds the juror variables with the round workspace link and the counts as integers', () => {
    expect(messageVariables('review.assigned', { ...roundData, count: 12 }, 'Juror', links, 'ru')).toEqual({
      fullName: 'Juror',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      roundName: 'First round',
      count: 12,
      deadline: new Date('2023-12-15T12:00:00Z'),
      workspaceUrl: 'https://startup.example.kz/reviews/rounds/r-1',
    });
    expect(
      messageVariables('review.deadline_reminder', { ...roundData, unfinished: 0 }, 'Juror', links, 'kk'),
    ).toMatchObject({
      unfinished: 0,
      workspaceUrl: 'https://startup.example.kz/reviews/rounds/r-1',
    });
  });

  it.each([['3'], [2.5], [-1], [Number.MAX_SAFE_INTEGER + 1], [null]])('refuses a count of %p', (count) => {
    expect(() => messageVariables('review.assigned', { ...roundData, count }, 'Juror', links, 'en')).toThrow(
      /"count" is not a non-negative integer/,
    );
  });

  it('builds the results variables, with an empty score for an unranked application', () => {
    expect(messageVariables('round.results', resultsData, 'Applicant', links, 'en')).toEqual({
      fullName: 'Applicant',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      roundName: 'First round',
      advanced: false,
      officialScore: '',
      resultsUrl: 'https://startup.example.kz/applications/a-1',
    });
    expect(
      messageVariables(
        'round.results',
        { ...resultsData, advanced: true, officialScore: '72.4' },
        'Applicant',
        links,
        'en',
      ),
    ).toMatchObject({
      advanced: true,
      officialScore: '72.4',
    });
    expect(() =>
      messageVariables('round.results', { ...resultsData, advanced: 'yes' }, 'Applicant', links, 'en'),
    ).toThrow(/"advanced" is not a boolean/);
    expect(() =>
      messageVariables('round.results', { ...resultsData, officialScore: 72.4 }, 'Applicant', links, 'en'),
    ).toThrow(/"officialScore" is not a string/);
  });
});

describe('messageVariables for the award and payment mails', () => {
  const links = { publicUrl: 'https://startup.example.kz', linkSecret: 'secret' };
  const trancheData = {
    awardId: 'aw-1',
    reference: 'SU-2023-0042',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    trancheNumber: 2,
    trancheLabel: 'Signing',
  };
  const trancheVariables = {
    fullName: 'Grantee',
    reference: 'SU-2023-0042',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    trancheNumber: 2,
    trancheLabel: 'Signing',
    awardUrl: 'https://startup.example.kz/awards/aw-1',
  };

  it('builds the offer with the amount in minor units, the deadline and the award link', () => {
    const data = {
      awardId: 'aw-1',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      amount: '900719925474099399',
      respondBy: '2023-12-15T12:00:00Z',
    };
    expect(messageVariables('award.offered', data, 'Grantee', links, 'kk')).toEqual({
      fullName: 'Grantee',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      amount: 900719925474099399n,
      respondBy: new Date('2023-12-15T12:00:00Z'),
      awardUrl: 'https://startup.example.kz/awards/aw-1',
    });
    expect(() => messageVariables('award.offered', { ...data, amount: 1000 }, 'Grantee', links, 'kk')).toThrow(
      /lacks "amount"/,
    );
  });

  it('links a not-awarded application to its page', () => {
    const data = {
      applicationId: 'a-1',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    };
    expect(messageVariables('application.not_awarded', data, 'Applicant', links, 'ru')).toEqual({
      fullName: 'Applicant',
      reference: 'SU-2023-0042',
      applicationTitle: 'Guest house',
      competitionTitle: 'Ауыл кәсіпкерлігі 2023',
      applicationUrl: 'https://startup.example.kz/applications/a-1',
    });
  });

  it('builds the tranche mails with the tranche number as an integer and the award link', () => {
    expect(
      messageVariables('tranche.approved', { ...trancheData, amount: '120000000' }, 'Grantee', links, 'en'),
    ).toEqual({
      ...trancheVariables,
      amount: 120000000n,
    });
    expect(
      messageVariables('report.returned', { ...trancheData, comment: 'Add the receipts.' }, 'Grantee', links, 'en'),
    ).toEqual({
      ...trancheVariables,
      comment: 'Add the receipts.',
    });
    expect(
      messageVariables('report.reminder', { ...trancheData, dueAt: '2023-12-15T12:00:00Z' }, 'Grantee', links, 'en'),
    ).toEqual({
      ...trancheVariables,
      dueAt: new Date('2023-12-15T12:00:00Z'),
    });
    expect(() =>
      messageVariables('tranche.approved', { ...trancheData, trancheNumber: '2', amount: '1' }, 'Grantee', links, 'en'),
    ).toThrow(/"trancheNumber" is not a non-negative integer/);
  });

  it('reads the payment date as a calendar date that stays the same day in any time zone from UTC-12 to UTC+11', () => {
    const data = { ...trancheData, amount: '120000025', bankReference: 'PP-000123', paidOn: '2023-12-20' };
    expect(messageVariables('payment.recorded', data, 'Grantee', links, 'ru')).toEqual({
      ...trancheVariables,
      amount: 120000025n,
      bankReference: 'PP-000123',
      paidOn: new Date('2023-12-20T12:00:00Z'),
    });
    const renderer = new TemplateRenderer({ templatesDir, timeZone: 'Pacific/Pago_Pago' });
    const message = renderer.render(
      'payment.recorded',
      'en',
      messageVariables('payment.recorded', data, 'Grantee', links, 'en') as MessageVariables<'payment.recorded'>,
    );
    expect(message.text).toContain('Paid on: 20 December 2023\n');
    for (const paidOn of ['2023-12-20T00:00:00Z', '2023-02-30', '20.12.2023', '']) {
      expect(() => messageVariables('payment.recorded', { ...data, paidOn }, 'Grantee', links, 'ru')).toThrow(
        /"paidOn"/,
      );
    }
  });
});

describe('messageVariables links', () => {
  const links = { publicUrl: 'https://startup.example.kz', linkSecret: 'secret' };
  const at = '2030-01-01T00:00:00Z';

  // Every link opens a web page at the root; the JSON API under /api is for programs, not mail readers.
  it.each([
    [
      'account.registered',
      { tokenId: 't-1', expiresAt: at },
      'confirmUrl',
      /^https:\/\/startup\.example\.kz\/confirm-email\?token=[\w.-]+$/,
    ],
    [
      'password.reset',
      { tokenId: 't-1', expiresAt: at },
      'resetUrl',
      /^https:\/\/startup\.example\.kz\/reset-password\?token=[\w.-]+$/,
    ],
    [
      'competition.opened',
      {
        competitionId: 'c-1',
        competitionTitle: 'T',
        villageName: 'V',
        opensAt: at,
        closesAt: at,
        minAward: '1',
        maxAward: '2',
      },
      'competitionUrl',
      /^https:\/\/startup\.example\.kz\/competitions\/c-1$/,
    ],
  ] as const)('%s links %s to its web page', (type, data, key, url) => {
    const variables = messageVariables(type, data, 'Person', links, 'en') as unknown as Record<string, unknown>;
    expect(variables[key]).toMatch(url);
    expect(variables[key]).not.toMatch(/\/api\//);
  });
});
