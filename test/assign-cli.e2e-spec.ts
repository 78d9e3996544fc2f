import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './helpers/processes';

describe('npm run assign (the assignment engine on a JSON instance)', () => {
  const write = async (content: unknown) => {
    const file = join(await mkdtemp(join(tmpdir(), 'assign-')), 'instance.json');
    await writeFile(file, JSON.stringify(content));
    return file;
  };

  it('prints the optimal assignment, or exits non-zero with the explanation', async () => {
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
    const ok = await runScript('src/modules/reviews/assignment-cli.ts', [feasible], {});
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

    const infeasible = await write({
      applications: 1,
      jurors: 1,
      demand: [2],
      minLoad: [0],
      maxLoad: [2],
      edges: [[0, 0, 1]],
    });
    const no = await runScript('src/modules/reviews/assignment-cli.ts', [infeasible], {});
    expect(no.code).toBe(1);
    expect(JSON.parse(no.stderr)).toMatchObject({
      infeasible: true,
      explanation: [{ reason: 'too_few_eligible_jurors', applications: [0] }],
    });

    const invalid = await write({
      applications: 1,
      jurors: 1,
      demand: [1],
      minLoad: [0],
      maxLoad: [1],
      edges: [[0, 3, 1]],
    });
    const bad = await runScript('src/modules/reviews/assignment-cli.ts', [invalid], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('names an unknown application or juror');
  }, 60000);
});
