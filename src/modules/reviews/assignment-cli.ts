/**
 * `npm run assign -- instance.json [--seed N]`: solves a juror-assignment instance from a JSON
 * file, so the engine can be checked against other solvers. Prints
 * `{ "objective", "assignment": [[application, juror], ...], "seconds" }`, or exits 1 with the
 * explanation when the instance is infeasible (2 when the file is not a valid instance).
 *
 * Large instances go to the sparse solver (same exact optimum, a fraction of the time once each
 * application has many more eligible jurors than it needs); small ones to the dense solver, where
 * the sparse one's rounds and certificate would cost more than they save.
 */
import { readFileSync } from 'node:fs';
import { assign, AssignmentInstance, AssignmentResult, instanceProblems } from './domain/assignment/assignment';
import { candidatesFromEdges } from './domain/assignment/candidates';
import { assignSparse } from './domain/assignment/sparse';

/** Below this many pairs, or fewer than this many candidates per review needed, dense is as fast. */
const SPARSE_FROM_PAIRS = 10_000;
const SPARSE_FROM_CANDIDATES_PER_REVIEW = 4;

function solve(instance: AssignmentInstance, seed: number): AssignmentResult {
  const reviews = instance.demand.reduce((a, b) => a + b, 0);
  const pairs = instance.edges.length;
  if (pairs < SPARSE_FROM_PAIRS || pairs < SPARSE_FROM_CANDIDATES_PER_REVIEW * reviews) return assign(instance, seed);
  const result = assignSparse(candidatesFromEdges(instance), seed, { alternates: 0 });
  return result.feasible
    ? { feasible: true, objective: result.objective, assignment: result.assignment }
    : { feasible: false, explanation: result.explanation };
}

function main(args: string[]): number {
  const file = args.find((a) => !a.startsWith('--'));
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 0;
  if (!file || !Number.isSafeInteger(seed)) {
    console.error('usage: npm run assign -- instance.json [--seed N]');
    return 2;
  }
  let instance: unknown;
  try {
    instance = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(JSON.stringify({ error: `cannot read ${file}: ${(error as Error).message}` }));
    return 2;
  }
  const problems = instanceProblems(instance);
  if (problems.length > 0) {
    console.error(JSON.stringify({ error: 'invalid instance', problems }, null, 2));
    return 2;
  }
  const started = process.hrtime.bigint();
  const result = solve(instance as AssignmentInstance, seed);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!result.feasible) {
    console.error(JSON.stringify({ infeasible: true, explanation: result.explanation, seconds }, null, 2));
    return 1;
  }
  console.log(JSON.stringify({ objective: result.objective, assignment: result.assignment, seconds }));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
