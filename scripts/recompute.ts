/**
 * A third party's check that a competition's published outcome follows from its public data alone
 * (DESIGN.md sections 5, 7 and 10). It reads only the service's public HTTP reads, and none of its
 * code: each finalized round's results and published method, and the allocation. It recomputes
 * every round's ranking (official score from the per-criterion means and the weights, quorum,
 * gates, tie-breaks with the lottery, advancement) and the allocation of the final round (what
 * awards hold, floors, rank order within the budget and the envelopes), and says whether they
 * match what was published.
 *
 *   npm run -s recompute -- <api-base-url> <competitionId>     (the base URL ends in /api, e.g. http://localhost:3000/api)
 *
 * Exit status: 0 when everything matches, 1 on a mismatch, 2 when the data cannot be read.
 */
import { recomputeAllocation } from './recompute/allocation';
import { httpGet, PublicAllocation, PublicGet, PublicPage, PublicResults, PublicRound } from './recompute/public-data';
import { recomputeRanking } from './recompute/ranking';

export interface Recomputation {
  matches: boolean;
  /** What was checked, one line each, for the reader. */
  checked: string[];
  mismatches: string[];
}

async function read<T>(get: PublicGet, path: string, allowed: number[] = []): Promise<T | null> {
  const { status, body } = await get(path);
  if (status === 200) return body as T;
  if (allowed.includes(status)) return null;
  throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body)}`);
}

/** The core: recompute from whatever `get` reads (the HTTP reads of a running service, in the CLI). */
export async function recompute(get: PublicGet, competitionId: string): Promise<Recomputation> {
  const checked: string[] = [];
  const mismatches: string[] = [];
  const rounds: PublicRound[] = [];
  for (let total = 1; rounds.length < total;) {
    const page = (await read<PublicPage<PublicRound>>(
      get,
      `/public/competitions/${competitionId}/rounds?limit=100&offset=${rounds.length}`,
    ))!;
    if (page.items.length === 0) break;
    rounds.push(...page.items);
    total = page.total;
  }
  const finalized = rounds.filter((r) => r.status === 'finalized').sort((a, b) => a.position - b.position);
  const results = new Map<string, PublicResults>();
  for (const round of finalized) {
    const published = (await read<PublicResults>(get, `/public/rounds/${round.id}/results`))!;
    results.set(round.id, published);
    const { problems } = recomputeRanking(published);
    checked.push(`round ${round.position} "${round.name}": ${published.items.length} applications ranked`);
    mismatches.push(...problems.map((p) => `round ${round.position}: ${p}`));
  }
  // 409: the competition is not closed yet, or its last round is not finalized: nothing is allocated.
  const allocation = await read<PublicAllocation>(get, `/public/competitions/${competitionId}/allocation`, [409]);
  if (allocation) {
    const last = rounds.reduce<PublicRound | null>((l, r) => (!l || r.position > l.position ? r : l), null);
    const finalRound = results.get(allocation.roundId);
    if (!finalRound || last?.id !== allocation.roundId)
      mismatches.push(`allocation: it allocates round ${allocation.roundId}, not the last finalized round`);
    else {
      mismatches.push(...recomputeAllocation(allocation, finalRound).map((p) => `allocation: ${p}`));
      checked.push(
        `allocation: ${allocation.decisions.length} applications, committed ${allocation.committed}, remaining ${allocation.remaining}`,
      );
    }
  } else checked.push('allocation: not published yet');
  return { matches: mismatches.length === 0, checked, mismatches };
}

async function main(argv: string[]): Promise<number> {
  const [baseUrl, competitionId] = argv;
  if (!baseUrl || !competitionId) {
    console.error('usage: npm run -s recompute -- <api-base-url> <competitionId>');
    return 2;
  }
  try {
    const outcome = await recompute(httpGet(baseUrl), competitionId);
    for (const line of outcome.checked) console.log(`checked  ${line}`);
    for (const line of outcome.mismatches) console.log(`MISMATCH ${line}`);
    console.log(
      outcome.matches ? 'The published outcome matches the recomputation.' : 'The published outcome does NOT match.',
    );
    return outcome.matches ? 0 : 1;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    console.error(`Cannot read the published data: ${error instanceof Error ? error.message : String(error)}${cause}`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
