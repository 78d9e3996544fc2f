import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LANGUAGES, Language } from '../../src/common/i18n/language';
import { MessageType, MessageVariables } from '../../src/modules/notifications/mail/message-types';

/** What the mail unit specs (src/modules/notifications/mail/*.spec.ts) share: sample variables and throwaway template folders. */

export const TIME_ZONE = 'Asia/Almaty';
/** Intl's narrow and thin no-break spaces as plain spaces, so expectations can be written with spaces. */
export const spaces = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');

export const NAME = `O'Brien & Sons <script>alert(1)</script>`;
export const TRANCHE_SAMPLE = {
  fullName: NAME,
  reference: 'SU-2023-0042',
  competitionTitle: 'Ауыл кәсіпкерлігі 2023',
  trancheNumber: 2,
  trancheLabel: 'Отчёт о закупке оборудования',
  awardUrl: 'https://startup.example.kz/awards/7a2e9f10-3b4c-4d5e-8f60-718293a4b5c6',
};
// Before 2024, when Kazakhstan moved to one time zone: the same offset (+6) in every tz database.
export const SAMPLES: { [T in MessageType]: MessageVariables<T> } = {
  'account.registered': {
    fullName: NAME,
    confirmUrl: 'https://startup.example.kz/confirm-email?token=abc.def&x=1',
    expiresAt: new Date('2023-11-20T07:30:00Z'),
  },
  'password.reset': {
    fullName: NAME,
    resetUrl: 'https://startup.example.kz/reset-password?token=xyz.123',
    expiresAt: new Date('2023-11-20T07:30:00Z'),
  },
  'account.invited': {
    fullName: NAME,
    resetUrl: 'https://startup.example.kz/reset-password?token=xyz.456',
    expiresAt: new Date('2023-11-23T07:30:00Z'),
  },
  'competition.opened': {
    fullName: NAME,
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    villageName: 'Қаратал',
    opensAt: new Date('2023-11-01T03:00:00Z'),
    closesAt: new Date('2023-12-15T12:00:00Z'),
    minAward: 150000000n,
    maxAward: 500000050n,
    competitionUrl: 'https://startup.example.kz/public/competitions/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'application.submitted': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    villageName: 'Қаратал',
    requestedAmount: 250000000n,
    ownContribution: 62500000n,
    submittedAt: new Date('2023-11-20T07:30:00Z'),
    applicationUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'application.ineligible': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    reasonText: 'The village is not eligible in this competition.',
    note: 'See https://startup.example.kz/rules',
  },
  'application.draft_reminder': {
    fullName: NAME,
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    closesAt: new Date('2023-12-15T12:00:00Z'),
    applicationUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'review.assigned': {
    fullName: NAME,
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'Бірінші кезең / First round',
    count: 12,
    deadline: new Date('2023-12-15T12:00:00Z'),
    workspaceUrl: 'https://startup.example.kz/reviews/rounds/5d1c2b3a-7e6f-4a8b-9c0d-1e2f3a4b5c6d',
  },
  'review.deadline_reminder': {
    fullName: NAME,
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'Бірінші кезең / First round',
    unfinished: 3,
    deadline: new Date('2023-12-15T12:00:00Z'),
    workspaceUrl: 'https://startup.example.kz/reviews/rounds/5d1c2b3a-7e6f-4a8b-9c0d-1e2f3a4b5c6d',
  },
  'round.results': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    roundName: 'Бірінші кезең / First round',
    advanced: true,
    officialScore: '72.4',
    resultsUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'award.offered': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    amount: 240000050n,
    respondBy: new Date('2023-12-15T12:00:00Z'),
    awardUrl: 'https://startup.example.kz/awards/7a2e9f10-3b4c-4d5e-8f60-718293a4b5c6',
  },
  'application.not_awarded': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Қонақ үй / Guest house',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    applicationUrl: 'https://startup.example.kz/applications/0b6f7c1e-4a1b-4c55-9f5e-2f8a0d6b9c11',
  },
  'tranche.approved': {
    ...TRANCHE_SAMPLE,
    amount: 120000000n,
  },
  'payment.recorded': {
    ...TRANCHE_SAMPLE,
    amount: 120000025n,
    bankReference: 'PP-000123 <&>',
    paidOn: new Date('2023-12-20T12:00:00Z'),
  },
  'application.returned': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Guest house <by the sea>',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    message: 'Split the equipment line by item & add the quotes.\nThe own share is too low.',
    answerBy: new Date('2023-12-15T12:00:00Z'),
    applicationUrl: 'https://startup.example.kz/applications/7a2e9f10-3b4c-4d5e-8f60-718293a4b5c6',
  },
  'application.return_lapsed': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Guest house <by the sea>',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    answerBy: new Date('2023-12-15T12:00:00Z'),
    applicationUrl: 'https://startup.example.kz/applications/7a2e9f10-3b4c-4d5e-8f60-718293a4b5c6',
  },
  'application.return_reminder': {
    fullName: NAME,
    reference: 'SU-2023-0042',
    applicationTitle: 'Guest house <by the sea>',
    competitionTitle: 'Ауыл кәсіпкерлігі 2023',
    message: "Attach the supplier's estimate & the lease <signed>.",
    answerBy: new Date('2023-12-15T12:00:00Z'),
    applicationUrl: 'https://startup.example.kz/applications/7a2e9f10-3b4c-4d5e-8f60-718293a4b5c6',
  },
  'report.returned': {
    ...TRANCHE_SAMPLE,
    comment: 'Attach the receipts & photos <please>.\nThe invoice is missing.',
  },
  'report.reminder': {
    ...TRANCHE_SAMPLE,
    dueAt: new Date('2023-12-15T12:00:00Z'),
  },
  'staff.tasks_digest': {
    fullName: NAME,
    approvals: 2,
    reports: 1,
    screening: 14,
    answered: 3,
    failedRuns: 0,
    conflicts: 0,
    scoring: 7,
    payments: 4,
    manageUrl: 'https://startup.example.kz/manage',
    reviewsUrl: 'https://startup.example.kz/reviews',
    financeUrl: 'https://startup.example.kz/finance',
  },
};

export function tempTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mail-templates-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

export const layoutAndFooters = (languages: readonly Language[] = LANGUAGES) => ({
  'layout.html.hbs': '<html lang="{{lang}}">{{{body}}}<footer>{{footer}}</footer></html>',
  ...Object.fromEntries(languages.map((language) => [`footer.${language}.hbs`, `footer ${language}`])),
});

export const passwordResetIn = (languages: readonly Language[]) =>
  Object.fromEntries(
    languages.flatMap((language) => [
      [`password.reset/subject.${language}.hbs`, `subject ${language}`],
      [`password.reset/text.${language}.hbs`, `text ${language} {{resetUrl}}`],
      [`password.reset/html.${language}.hbs`, `<p>html ${language} {{resetUrl}}</p>`],
    ]),
  );
