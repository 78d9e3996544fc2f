import type { LocalizedText } from '../../../common/i18n/localized-text';

/**
 * A competition's rules for awards (DESIGN.md section 7), declared before it opens and frozen with
 * its other rules: the tranche template every award's schedule is split from, the floors the
 * allocation meets first, whether the marginal application may be offered part of its request, and
 * how long an applicant has to accept an offer.
 */
export interface TrancheTemplateItem {
  /** What releases it, as shown to people: "On signing", "Mid-term report". */
  label: LocalizedText;
  /** Share of the award in basis points (50% = 5000); the template's shares add up to 10000. */
  shareBp: number;
  /** False: released when the grantee accepts (signing); true: after a milestone report is approved. */
  reportRequired: boolean;
  /** For a report: days after acceptance when it is due. */
  dueDays: number | null;
}

export interface AwardFloor {
  districtId: string;
  /** At least this many grants in the district, met first if the budget and envelopes allow. */
  grants: number;
}

export interface AwardRules {
  trancheTemplate: TrancheTemplateItem[];
  floors: AwardFloor[];
  /** Null: no partial funding. Else the marginal application may get the room left if it is at least this share of its request. */
  partialMinShareBp: number | null;
  /** Days the applicant has to accept an approved award. */
  acceptanceDays: number;
}

export const FULL_SHARE_BP = 10_000;
export const MAX_TRANCHES = 12;

export const DEFAULT_AWARD_RULES: AwardRules = {
  trancheTemplate: [
    {
      label: { kk: 'Шартқа қол қойылғанда', ru: 'При подписании договора', en: 'On signing' },
      shareBp: 5000,
      reportRequired: false,
      dueDays: null,
    },
    {
      label: { kk: 'Аралық есеп', ru: 'Промежуточный отчёт', en: 'Mid-term report' },
      shareBp: 3000,
      reportRequired: true,
      dueDays: 180,
    },
    {
      label: { kk: 'Қорытынды есеп', ru: 'Итоговый отчёт', en: 'Final report' },
      shareBp: 2000,
      reportRequired: true,
      dueDays: 365,
    },
  ],
  floors: [],
  partialMinShareBp: null,
  acceptanceDays: 14,
};

/** Problems with a template's shares (empty when awards can be split by it). */
export function templateProblems(template: readonly { shareBp: number }[]): string[] {
  const problems: string[] = [];
  if (template.length === 0) problems.push('a schedule needs at least one tranche');
  template.forEach((t, i) => {
    if (!Number.isInteger(t.shareBp) || t.shareBp <= 0 || t.shareBp > FULL_SHARE_BP)
      problems.push(`tranche ${i + 1}: share must be a whole number of basis points from 1 to 10000`);
  });
  const sum = template.reduce((s, t) => s + t.shareBp, 0);
  if (sum !== FULL_SHARE_BP) problems.push(`the shares add up to ${sum} basis points, not 10000`);
  return problems;
}

/** Problems with the whole award rule set, by field (DTO validation has checked types and ranges). */
export function awardRulesProblems(rules: AwardRules): { field: string; problems: string[] }[] {
  const out: { field: string; problems: string[] }[] = [];
  const shares = templateProblems(rules.trancheTemplate);
  if (shares.length) out.push({ field: 'awardRules.trancheTemplate', problems: shares });
  if (rules.trancheTemplate.length > MAX_TRANCHES)
    out.push({ field: 'awardRules.trancheTemplate', problems: [`at most ${MAX_TRANCHES} tranches`] });
  rules.trancheTemplate.forEach((t, i) => {
    if (t.reportRequired && t.dueDays === null)
      out.push({
        field: `awardRules.trancheTemplate.${i}.dueDays`,
        problems: ['a tranche released by a report needs the days after acceptance when the report is due'],
      });
    if (!t.reportRequired && t.dueDays !== null)
      out.push({
        field: `awardRules.trancheTemplate.${i}.dueDays`,
        problems: ['only a tranche released by a report has a due date'],
      });
  });
  const districts = new Set<string>();
  rules.floors.forEach((f, i) => {
    if (districts.has(f.districtId))
      out.push({ field: `awardRules.floors.${i}.districtId`, problems: ['one floor per district'] });
    districts.add(f.districtId);
  });
  return out;
}
