import type { Language } from '../../../../common/i18n/language';
import { FIELD_MARK, FORM_TITLE, NOTE_MARK } from './offline-parse';
import { OFFLINE_WORDS, SUBMIT_WORDS } from './offline-words';

/** A rubric line in the reader's language. */
export interface OfflineCriterion {
  code: string;
  title: string;
  description: string;
  weight: number;
  max: number;
  min?: number;
  /** One per level 0..max. */
  descriptors: string[];
}

/** What a juror may read of one assigned application: the blind snapshot (identity only when the round is not blind). */
export interface OfflineProposal {
  title: string;
  summary: string;
  description: string;
  sector: string;
  villageName: string;
  goals: { code: string; title: string; contribution: string }[];
  requestedAmount: bigint;
  ownContribution: bigint;
  budgetLines: { category: string; description: string; amount: bigint; source: string }[];
  jobsCreated: number;
  reference?: string;
  applicantName?: string;
}

export interface OfflineAssignment {
  id: string;
  proposal: OfflineProposal;
  hasFiles: boolean;
  /** The juror's scoresheet so far, written into the form so work continues where it stopped. */
  sheet: {
    scores: Record<string, number>;
    comments: Record<string, string>;
    comment: string;
    submitted: boolean;
  } | null;
}

export interface OfflineFormInput {
  roundId: string;
  roundName: string;
  deadline: Date;
  criteria: OfflineCriterion[];
  assignments: OfflineAssignment[];
}

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Tenge from tiyn for reading (exact for any bigint): `1 234 567,50 ₸`, or `1,234,567.50 ₸` in English. */
export function tengeText(minor: bigint, language: Language): string {
  const sign = minor < 0n ? '-' : '';
  const absolute = minor < 0n ? -minor : minor;
  const [group, decimal] = language === 'en' ? [',', '.'] : ['\u00a0', ','];
  const whole = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${whole}${decimal}${(absolute % 100n).toString().padStart(2, '0')} ₸`;
}

/** A deadline in Kazakhstan's time, in the reader's language. */
function deadlineText(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: 'Asia/Almaty',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
}

const note = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => `${NOTE_MARK} ${line}`.trimEnd())
    .filter((line, i, all) => !(line === NOTE_MARK && all[i - 1] === NOTE_MARK));

/**
 * The form as text: the round, then each assignment's snapshot as notes and its fields, in the
 * juror's language. Values a juror writes cannot start a line with the marks, so a field holds
 * what was typed; a note line that would look like a mark is written after the note mark anyway.
 */
export function renderOfflineForm(input: OfflineFormInput, language: Language): string {
  const w = OFFLINE_WORDS[language];
  const money = (minor: bigint) => tengeText(minor, language);
  const out: string[] = [
    `${FIELD_MARK} ${FORM_TITLE}`,
    ...w.intro.map((line) => `${NOTE_MARK} ${line}`),
    `${NOTE_MARK} ${w.round}: ${input.roundName}`,
    `${NOTE_MARK} ${w.deadline}: ${deadlineText(input.deadline, language)}`,
    `${FIELD_MARK} round: ${input.roundId}`,
  ];
  input.assignments.forEach((a, index) => {
    const p = a.proposal;
    out.push(
      '',
      `${FIELD_MARK} assignment: ${a.id}`,
      `${NOTE_MARK} ${w.assignment} ${index + 1} / ${input.assignments.length}`,
      ...(p.reference ? note(`${w.reference}: ${p.reference}`) : []),
      ...(p.applicantName ? note(`${w.applicant}: ${p.applicantName}`) : []),
      ...note(`${w.title}: ${p.title}`),
      ...note(`${w.summary}: ${p.summary}`),
      ...note(`${w.sector}: ${w.sectors[p.sector] ?? p.sector}`),
      ...note(`${w.village}: ${p.villageName}`),
      ...note(`${w.goals}:`),
      ...p.goals.flatMap((g) => note(`  ${g.code} ${g.title}: ${g.contribution}`)),
      ...note(`${w.requested}: ${money(p.requestedAmount)}; ${w.own}: ${money(p.ownContribution)}`),
      ...note(`${w.budget}:`),
      ...p.budgetLines.flatMap((l) =>
        note(
          `  ${l.category}${l.description ? ` (${l.description})` : ''}: ${money(l.amount)}, ${l.source === 'own' ? w.ownLine : w.grantLine}`,
        ),
      ),
      ...note(`${w.jobs}: ${p.jobsCreated}`),
      ...note(`${w.description}:`),
      ...note(p.description),
      ...(a.hasFiles ? note(w.files) : []),
    );
    for (const c of input.criteria) {
      out.push(
        '',
        `${FIELD_MARK} score: ${c.code}`,
        ...note(`${c.title}. ${w.score(c.max, c.weight)}${c.min !== undefined ? `. ${w.gate(c.min)}` : ''}`),
        ...(c.description ? note(c.description) : []),
        ...c.descriptors.flatMap((d, level) => note(`  ${level}: ${d}`)),
        a.sheet && c.code in a.sheet.scores ? String(a.sheet.scores[c.code]) : '',
        `${FIELD_MARK} note: ${c.code}`,
        `${NOTE_MARK} ${w.note}`,
        ...writable(a.sheet?.comments[c.code] ?? ''),
      );
    }
    out.push(
      '',
      `${FIELD_MARK} comment`,
      `${NOTE_MARK} ${w.comment}`,
      ...writable(a.sheet?.comment ?? ''),
      `${FIELD_MARK} submit`,
      `${NOTE_MARK} ${w.submit}`,
      a.sheet?.submitted ? SUBMIT_WORDS[language].yes : SUBMIT_WORDS[language].no,
    );
  });
  return `${out.join('\n')}\n`;
}

/** A stored comment as field lines; a line that would read as a mark gets a space in front. */
function writable(text: string): string[] {
  if (!text) return [''];
  return text.split('\n').map((line) => (line.startsWith('==') ? ` ${line}` : line));
}
