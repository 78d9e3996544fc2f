/**
 * How well a juror fits an application (DESIGN.md section 6), as a small integer the assignment
 * maximises: expertise matching the sector, expertise named in the linked plan goals, a juror from
 * another district, and an affinity a manager imported. Published with the round so it can be
 * recomputed.
 */
export const AFFINITY = { sector: 10, goal: 3, maxGoals: 2, otherDistrict: 2 } as const;

export interface AffinityApplication {
  sector: string;
  districtId: string;
  /** Title and description of each linked plan goal. */
  goals: string[];
}

export interface AffinityJuror {
  /** Lower-case tags: sectors and themes. */
  expertise: string[];
  districtId: string | null;
}

/** A tag names a goal when the goal's text contains it (tags shorter than 3 letters never do). */
const names = (goal: string, tag: string) => tag.length >= 3 && goal.toLowerCase().includes(tag);

export function affinity(application: AffinityApplication, juror: AffinityJuror, imported = 0): number {
  let score = juror.expertise.includes(application.sector) ? AFFINITY.sector : 0;
  const goalHits = application.goals.filter((goal) => juror.expertise.some((tag) => names(goal, tag))).length;
  score += Math.min(goalHits, AFFINITY.maxGoals) * AFFINITY.goal;
  if (juror.districtId !== null && juror.districtId !== application.districtId) score += AFFINITY.otherDistrict;
  return score + imported;
}

/**
 * The same function for many pairs at once: each application's goals are matched against each
 * distinct tag once (a bit mask per tag), so a pair costs a few array reads, not string searches.
 */
export function affinityTable(
  applications: readonly AffinityApplication[],
  jurors: readonly AffinityJuror[],
): (i: number, j: number) => number {
  const tags = [...new Set(jurors.flatMap((j) => j.expertise))];
  const tagIndex = new Map(tags.map((t, k) => [t, k]));
  const jurorTags = jurors.map((j) => j.expertise.map((t) => tagIndex.get(t)!));
  // One bit per goal: 31 fit in a mask; an application with more goals is scored pair by pair.
  const masks = applications.map((a) =>
    a.goals.length > 31
      ? null
      : Int32Array.from(tags, (tag) =>
          a.goals.reduce((mask, goal, g) => (names(goal, tag) ? mask | (1 << g) : mask), 0),
        ),
  );
  const popcount = (x: number) => {
    let n = 0;
    for (let v = x; v !== 0; v &= v - 1) n += 1;
    return n;
  };
  return (i, j) => {
    const a = applications[i];
    const juror = jurors[j];
    const own = masks[i];
    if (own === null) return affinity(a, juror);
    let mask = 0;
    for (const t of jurorTags[j]) mask |= own[t];
    let score = juror.expertise.includes(a.sector) ? AFFINITY.sector : 0;
    score += Math.min(popcount(mask), AFFINITY.maxGoals) * AFFINITY.goal;
    if (juror.districtId !== null && juror.districtId !== a.districtId) score += AFFINITY.otherDistrict;
    return score;
  };
}
