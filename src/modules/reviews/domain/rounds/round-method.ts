import type { LocalizedText } from '../../../../common/i18n/localized-text';
import { Advancement } from '../scoring/results';

/**
 * A scoring round's published method (DESIGN.md section 5): the rubric and every parameter that
 * decides the outcome. Frozen when the round opens; anyone with it and the scoresheets can
 * recompute the results.
 */
export interface RubricCriterion {
  code: string;
  title: LocalizedText;
  /** Left out when there is none. */
  description?: LocalizedText;
  weight: number;
  /** Integer scale 0..max. */
  max: number;
  /** One descriptor per level 0..max. */
  descriptors: LocalizedText[];
  /** A gate: a mean below this bars advancement. */
  min?: number;
}

export interface RoundMethod {
  criteria: RubricCriterion[];
  priorityCriterion: string;
  jurorsPerApplication: number;
  minLoad: number;
  maxLoad: number;
  quorum: number;
  disputeSpread: number;
  disputeMargin: number;
  disputeMaxShare: number;
  calibratedDecisive: boolean;
  advancement: { kind: 'top'; n: number } | { kind: 'cutoff'; score: number } | { kind: 'budget'; multiple: number };
  blind: boolean;
}

export type FieldProblem = { field: string; problems: string[] };

/** Problems that make a method inconsistent, by field (empty when it can be published). */
export function methodProblems(m: RoundMethod): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: string, problem: string) => out.push({ field, problems: [problem] });
  const codes = new Set<string>();
  m.criteria.forEach((c, i) => {
    if (codes.has(c.code)) add(`criteria.${i}.code`, 'codes must be unique within the rubric');
    codes.add(c.code);
    if (c.descriptors.length !== c.max + 1)
      add(`criteria.${i}.descriptors`, `give one descriptor for each level 0..${c.max} (${c.max + 1})`);
    if (c.min !== undefined && c.min > c.max) add(`criteria.${i}.min`, 'the gate cannot be above the scale maximum');
  });
  if (!codes.has(m.priorityCriterion)) add('priorityCriterion', 'must be the code of one of the criteria');
  if (m.minLoad > m.maxLoad) add('minLoad', 'cannot be above maxLoad');
  if (m.quorum > m.jurorsPerApplication) add('quorum', 'cannot be above the number of jurors per application');
  return out;
}

/** The advancement rule with the competition's budget, as the scoring module takes it. */
export function advancementOf(m: RoundMethod, budget: bigint): Advancement {
  const a = m.advancement;
  switch (a.kind) {
    case 'top':
      return a;
    case 'cutoff':
      return a;
    case 'budget':
      return { kind: 'budget', multiple: a.multiple, budget };
  }
}
