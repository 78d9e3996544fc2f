import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './helpers/processes';

/** A run's budget on a busy machine (under a second on an idle one, a few seconds on a loaded one). */
const RUN_MS = 30000;

describe('npm run assign (the assignment engine on a JSON instance)', () => {
  const write = async (content: unknown) => {
    const file = join(await mkdtemp(join(tmpdir(), 'assign-')), 'instance.json');
    await writeFile(file, JSON.stringify(content));
    return file;
  };

  it(
    'prints the optimal assignment',
    async () => {
      const feasible = await write({
        applications: 3,
        jurors: 2,
        demand: [1, 1, 2],
        minLoad: [1, 1],
        maxLoad: [2, 2],
        edges: [
          [0, 0, 5],
          [0, 1, 1],
          [1, 0, 2],
          [1, 1, 4],
          [2, 0, 3],
          [2, 1, 3],
        ],
      });
      const ok = await runScript('src/modules/reviews/assignment-cli.ts', [feasible], {}, RUN_MS);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual({
        objective: 15,
        assignment: [
          [0, 0],
          [1, 1],
          [2, 0],
          [2, 1],
        ],
        seconds: expect.any(Number),
      });
    },
    RUN_MS + 10000,
  );

  it(
    'exits with 1 and the explanation when the instance is infeasible',
    async () => {
      const infeasible = await write({
        applications: 1,
        jurors: 1,
        demand: [2],
        minLoad: [0],
        maxLoad: [2],
        edges: [[0, 0, 1]],
      });
      const no = await runScript('src/modules/reviews/assignment-cli.ts', [infeasible], {}, RUN_MS);
      expect(no.code).toBe(1);
      expect(JSON.parse(no.stderr)).toMatchObject({
        infeasible: true,
        explanation: [{ reason: 'too_few_eligible_jurors', applications: [0] }],
      });
    },
    RUN_MS + 10000,
  );

  it(
    'exits with 2 on an instance that names an unknown application or juror',
    async () => {
      const invalid = await write({
        applications: 1,
        jurors: 1,
        demand: [1],
        minLoad: [0],
        maxLoad: [1],
        edges: [[0, 3, 1]],
      });
      const bad = await runScript('src/modules/reviews/assignment-cli.ts', [invalid], {}, RUN_MS);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('names an unknown application or juror');
    },
    RUN_MS + 10000,
  );
});
