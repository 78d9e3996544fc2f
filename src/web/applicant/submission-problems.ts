import { MessageKey } from '../i18n/catalogue';

/** A broken rule as the check page lists it: the message, and the step and field that fix it. */
export interface LinkedProblem {
  href: string;
  message: MessageKey;
  params?: Record<string, string | number>;
  /** Amounts in minor units, shown as money in the reader's language. */
  money?: Record<string, bigint>;
}

/** What the messages quote. */
export interface ProblemValues {
  minAward: bigint;
  maxAward: bigint;
  minOwnSharePercent: number;
  maxApplications: number;
}

/**
 * The submission rules' problems (APPLICATION.INVALID's `fields`, from domain/submission-rules.ts)
 * in the applicant's words, each linked to the step and field where it is put right. The rules
 * name the field; where one field has several rules, the rule's own words tell them apart.
 */
export function linkProblems(
  applicationId: string,
  problems: { field: string; problems: string[] }[],
  values: ProblemValues,
): LinkedProblem[] {
  const step = (path: string) => `/applications/${applicationId}/${path}`;
  return problems.flatMap(({ field, problems: texts }) =>
    texts.map((text): LinkedProblem => {
      if (field === 'title') return { href: step('project#title'), message: 'apply.problem.title' };
      if (field === 'summary') return { href: step('project#summary'), message: 'apply.problem.summary' };
      if (field === 'villageId') return { href: `/applications/${applicationId}`, message: 'apply.problem.village' };
      if (field === 'goals') return { href: step('goals#goals'), message: 'apply.problem.goals' };
      if (/^goals\.\d+\.goalId$/.test(field))
        return { href: step('goals#goals'), message: 'apply.problem.goalNotInPlan' };
      if (field === 'requestedAmount')
        return /above/.test(text)
          ? { href: step('budget#totals'), message: 'apply.problem.aboveMax', money: { max: values.maxAward } }
          : { href: step('budget#totals'), message: 'apply.problem.belowMin', money: { min: values.minAward } };
      if (field === 'budgetLines') {
        const message: MessageKey = /at least one/.test(text)
          ? 'apply.problem.noLines'
          : /grant/.test(text)
            ? 'apply.problem.grantSum'
            : 'apply.problem.ownSum';
        return { href: step('budget#budget-lines'), message };
      }
      if (field === 'ownContribution')
        return {
          href: step('budget#totals'),
          message: 'apply.problem.ownShare',
          params: { share: values.minOwnSharePercent },
        };
      if (field === 'competitionId')
        return { href: '/applications', message: 'apply.problem.limit', params: { count: values.maxApplications } };
      return { href: `/applications/${applicationId}`, message: 'apply.problem.other' };
    }),
  );
}
