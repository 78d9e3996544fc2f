import { createHash } from 'node:crypto';

/**
 * The lottery that orders a full tie, as data: `lotteryTicket` draws from it, so what is published
 * with every round is what runs.
 */
export const LOTTERY = {
  hash: 'sha256',
  /** The text hashed: the round's published seed, a colon, the application's id (lowercase UUID). */
  message: '{seed}:{applicationId}',
  encoding: 'utf-8',
  digest: 'hex',
  /** The lower ticket ranks first. */
  order: 'ascending',
} as const;

/** An application's lottery ticket in a round: 64 lowercase hexadecimal digits. */
export function lotteryTicket(seed: string, applicationId: string): string {
  const message = LOTTERY.message.replace(/\{(seed|applicationId)\}/g, (_, name: string) =>
    name === 'seed' ? seed : applicationId,
  );
  return createHash(LOTTERY.hash).update(message, LOTTERY.encoding).digest(LOTTERY.digest);
}

/**
 * How a finalized round's results follow from its scoresheets and method (DESIGN.md sections 5 and
 * 10), written out for anyone who recomputes them from the public results. Published inside every
 * round's method; `computeResults` implements exactly this, and its tests hold it to the words.
 */
export const RANKING_METHOD = {
  order: ['decisiveScore desc', 'priorityMean desc', 'requested asc', 'lotteryTicket asc'],
  lottery: LOTTERY,
  description: [
    "A scoresheet's total is 100 × Σ(weight × score ÷ max) ÷ Σ weight over the criteria.",
    "An application's official score is the mean of its counted scoresheets' totals, which is the same as 100 × Σ(weight × mean ÷ max) ÷ Σ weight over its per-criterion means.",
    'An application with fewer counted scoresheets than the quorum is not ranked.',
    "The decisive score is the calibrated score when the round's results say calibratedDecides, otherwise the official score.",
    'Ranking, best first: (1) the higher decisive score; (2) the higher mean on the priority criterion; (3) the lower requested amount; (4) the lottery: the lower ticket.',
    "Scores compare exactly: the official score as the fraction of the integer Σ(weight × score × L ÷ max) over the application's scoresheets to their number, L being the least common multiple of the criteria's maxima, and the priority mean as the fraction of its integer score sum to the number of scoresheets (each per-criterion mean × count is that integer sum); the calibrated score compares after rounding to 9 decimals (Math.round(x × 10^9) ÷ 10^9).",
    "An application's lottery ticket is the SHA-256 digest, written as 64 lowercase hexadecimal digits, of the UTF-8 text made of the round's published seed, a colon and the application's id (the lowercase UUID published beside its reference), with no spaces; tickets compare as text, which is the same as comparing the digests as unsigned 256-bit integers.",
    'A gate fails when the mean on its criterion, rounded to 9 decimals, is below its minimum: the application is ranked but never advances.',
    "Advancement walks the ranking best first and skips gated applications: 'top' takes the first n; 'cutoff' stops at the first whose decisive score, rounded to 9 decimals, is below the cut-off; 'budget' stops at the first whose request would take the sum of requests above the competition budget × round(multiple × 100) ÷ 100, rounded down to a whole tiyn.",
  ].join(' '),
} as const;
