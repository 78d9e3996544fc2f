import { affinity } from './affinity';
import { buildInstance, InstanceApplication, InstanceInput, InstanceJuror } from './candidates';

const application = (id: string, over: Partial<InstanceApplication> = {}): InstanceApplication => ({
  id,
  applicantId: `person-${id}`,
  villageId: `village-${id}`,
  sector: 'tourism',
  districtId: 'd1',
  goals: [],
  ...over,
});

const juror = (id: string, over: Partial<InstanceJuror> = {}): InstanceJuror => ({
  id,
  homeVillageId: null,
  expertise: [],
  districtId: 'd1',
  ...over,
});

const input = (over: Partial<InstanceInput> = {}): InstanceInput => ({
  applications: [application('a0'), application('a1')],
  jurors: [juror('j0'), juror('j1'), juror('j2')],
  declarations: [],
  pairs: [],
  imported: [],
  jurorsPerApplication: 2,
  minLoad: 1,
  maxLoad: 3,
  firstRun: true,
  ...over,
});

const jurorsOf = (built: ReturnType<typeof buildInstance>, i: number) => built.candidates[i].map(([j]) => j);
const declaration = (jurorId: string, over: { applicantId?: string; applicationId?: string; villageId?: string }) => ({
  jurorId,
  applicantId: null,
  applicationId: null,
  villageId: null,
  ...over,
});

describe('buildInstance()', () => {
  it('makes every pair a candidate with no conflicts or history, in input order', () => {
    const built = buildInstance(input());
    expect(built.applications).toBe(2);
    expect(built.jurors).toBe(3);
    expect(built.demand).toEqual([2, 2]);
    expect(built.maxLoad).toEqual([3, 3, 3]);
    expect(built.minLoad).toEqual([1, 1, 1]);
    expect(built.candidates).toEqual([
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
    ]);
    expect(built.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('follows the input order for indices', () => {
    const apps = [application('a0', { sector: 'crafts' }), application('a1', { sector: 'tourism' })];
    const jurors = [juror('j0', { expertise: ['tourism'] }), juror('j1', { expertise: ['crafts'] })];
    const built = buildInstance(input({ applications: apps, jurors }));
    expect(built.candidates[0]).toEqual([
      [0, 0],
      [1, 10],
    ]);
    expect(built.candidates[1]).toEqual([
      [0, 10],
      [1, 0],
    ]);
    const reversed = buildInstance(input({ applications: [...apps].reverse(), jurors: [...jurors].reverse() }));
    expect(reversed.candidates[0]).toEqual([
      [0, 0],
      [1, 10],
    ]);
    expect(reversed.candidates[1]).toEqual([
      [0, 10],
      [1, 0],
    ]);
  });

  it('scores candidates with the affinity of the pair', () => {
    const apps = [application('a0', { sector: 'tourism', districtId: 'd1', goals: ['rural tourism', 'agriculture'] })];
    const jurors = [
      juror('j0', { expertise: ['tourism', 'agriculture'], districtId: 'd2' }),
      juror('j1', { districtId: null }),
    ];
    const built = buildInstance(input({ applications: apps, jurors }));
    expect(built.candidates[0]).toEqual([
      [0, affinity(apps[0], jurors[0])],
      [1, affinity(apps[0], jurors[1])],
    ]);
    expect(built.candidates[0][0][1]).toBe(10 + 6 + 2);
  });

  it('never proposes a juror for applications of their home village', () => {
    const apps = [
      application('a0', { villageId: 'v1' }),
      application('a1', { villageId: 'v2' }),
      application('a2', { villageId: 'v1' }),
    ];
    const built = buildInstance(
      input({ applications: apps, jurors: [juror('j0', { homeVillageId: 'v1' }), juror('j1')] }),
    );
    expect(jurorsOf(built, 0)).toEqual([1]);
    expect(jurorsOf(built, 1)).toEqual([0, 1]);
    expect(jurorsOf(built, 2)).toEqual([1]);
  });

  it('never proposes a juror for their own application', () => {
    const apps = [application('a0', { applicantId: 'j0' }), application('a1')];
    const built = buildInstance(input({ applications: apps, jurors: [juror('j0'), juror('j1')] }));
    expect(jurorsOf(built, 0)).toEqual([1]);
    expect(jurorsOf(built, 1)).toEqual([0, 1]);
  });

  it('removes pairs declared in conflict by applicant', () => {
    const apps = [
      application('a0', { applicantId: 'p1' }),
      application('a1', { applicantId: 'p1' }),
      application('a2', { applicantId: 'p2' }),
    ];
    const built = buildInstance(
      input({ applications: apps, declarations: [declaration('j1', { applicantId: 'p1' })] }),
    );
    expect(jurorsOf(built, 0)).toEqual([0, 2]);
    expect(jurorsOf(built, 1)).toEqual([0, 2]);
    expect(jurorsOf(built, 2)).toEqual([0, 1, 2]);
  });

  it('removes pairs declared in conflict by application', () => {
    const built = buildInstance(input({ declarations: [declaration('j2', { applicationId: 'a1' })] }));
    expect(jurorsOf(built, 0)).toEqual([0, 1, 2]);
    expect(jurorsOf(built, 1)).toEqual([0, 1]);
  });

  it('removes pairs declared in conflict by village', () => {
    const apps = [application('a0', { villageId: 'v1' }), application('a1', { villageId: 'v2' })];
    const built = buildInstance(input({ applications: apps, declarations: [declaration('j0', { villageId: 'v1' })] }));
    expect(jurorsOf(built, 0)).toEqual([1, 2]);
    expect(jurorsOf(built, 1)).toEqual([0, 1, 2]);
  });

  it('ignores declarations of unknown jurors', () => {
    const built = buildInstance(input({ declarations: [declaration('ghost', { applicationId: 'a0' })] }));
    expect(jurorsOf(built, 0)).toEqual([0, 1, 2]);
  });

  it.each(['recused', 'removed'])('never proposes a %s pair again, and it counts for nothing', (status) => {
    const built = buildInstance(input({ pairs: [{ applicationId: 'a0', jurorId: 'j1', status }] }));
    expect(jurorsOf(built, 0)).toEqual([0, 2]);
    expect(jurorsOf(built, 1)).toEqual([0, 1, 2]);
    expect(built.demand).toEqual([2, 2]);
    expect(built.maxLoad).toEqual([3, 3, 3]);
  });

  it('keeps active pairs out of candidates and takes them off demand and loads', () => {
    const built = buildInstance(
      input({
        pairs: [
          { applicationId: 'a0', jurorId: 'j0', status: 'active' },
          { applicationId: 'a1', jurorId: 'j0', status: 'active' },
          { applicationId: 'a1', jurorId: 'j1', status: 'active' },
        ],
      }),
    );
    expect(built.demand).toEqual([1, 0]);
    expect(built.maxLoad).toEqual([1, 2, 3]);
    expect(built.minLoad).toEqual([0, 0, 1]);
    expect(jurorsOf(built, 0)).toEqual([1, 2]);
  });

  it('floors demand and loads at 0', () => {
    const pairs = ['j0', 'j1', 'j2'].map((jurorId) => ({ applicationId: 'a0', jurorId, status: 'active' }));
    const built = buildInstance(input({ pairs, jurorsPerApplication: 2, maxLoad: 0, minLoad: 0 }));
    expect(built.demand).toEqual([0, 2]);
    expect(built.maxLoad).toEqual([0, 0, 0]);
    expect(built.minLoad).toEqual([0, 0, 0]);
  });

  it('ignores pairs of unknown applications or jurors for demand and loads', () => {
    const built = buildInstance(
      input({
        pairs: [
          { applicationId: 'elsewhere', jurorId: 'j0', status: 'active' },
          { applicationId: 'a0', jurorId: 'ghost', status: 'active' },
        ],
      }),
    );
    expect(built.demand).toEqual([1, 2]);
    expect(built.maxLoad).toEqual([2, 3, 3]);
  });

  it('gives no candidates to applications with demand 0', () => {
    const pairs = ['j0', 'j1'].map((jurorId) => ({ applicationId: 'a0', jurorId, status: 'active' }));
    const built = buildInstance(input({ pairs }));
    expect(built.demand).toEqual([0, 2]);
    expect(built.candidates[0]).toEqual([]);
    expect(buildInstance(input({ jurorsPerApplication: 0 })).candidates).toEqual([[], []]);
  });

  it('applies minLoad only on the first run', () => {
    expect(buildInstance(input({ minLoad: 2, firstRun: true })).minLoad).toEqual([2, 2, 2]);
    expect(buildInstance(input({ minLoad: 2, firstRun: false })).minLoad).toEqual([0, 0, 0]);
  });

  it('never sets minLoad above the remaining maxLoad', () => {
    const pairs = [
      { applicationId: 'a0', jurorId: 'j0', status: 'active' },
      { applicationId: 'a1', jurorId: 'j0', status: 'active' },
    ];
    const built = buildInstance(input({ pairs, minLoad: 3, maxLoad: 3, firstRun: true }));
    expect(built.maxLoad).toEqual([1, 3, 3]);
    expect(built.minLoad).toEqual([1, 3, 3]);
    expect(buildInstance(input({ minLoad: 5, maxLoad: 2 })).minLoad).toEqual([2, 2, 2]);
  });

  it('adds imported affinities to the score', () => {
    const built = buildInstance(
      input({
        jurors: [juror('j0', { expertise: ['tourism'] }), juror('j1')],
        imported: [
          { applicationId: 'a0', jurorId: 'j0', score: 5 },
          { applicationId: 'a1', jurorId: 'j1', score: -20 },
        ],
      }),
    );
    expect(built.candidates).toEqual([
      [
        [0, 15],
        [1, 0],
      ],
      [
        [0, 10],
        [1, -20],
      ],
    ]);
  });

  describe('hash', () => {
    it('is the same for the same input', () => {
      expect(buildInstance(input()).hash).toBe(buildInstance(input()).hash);
      const rich = () =>
        input({
          declarations: [declaration('j0', { applicationId: 'a1' })],
          imported: [{ applicationId: 'a0', jurorId: 'j1', score: 4 }],
          pairs: [{ applicationId: 'a0', jurorId: 'j2', status: 'active' }],
        });
      expect(buildInstance(rich()).hash).toBe(buildInstance(rich()).hash);
    });

    it('changes when an imported affinity changes', () => {
      const base = buildInstance(input({ imported: [{ applicationId: 'a0', jurorId: 'j1', score: 4 }] })).hash;
      expect(buildInstance(input({ imported: [{ applicationId: 'a0', jurorId: 'j1', score: 5 }] })).hash).not.toBe(
        base,
      );
      expect(buildInstance(input()).hash).not.toBe(base);
    });

    it('changes when a computed affinity changes', () => {
      const base = buildInstance(input()).hash;
      expect(
        buildInstance(input({ jurors: [juror('j0', { expertise: ['tourism'] }), juror('j1'), juror('j2')] })).hash,
      ).not.toBe(base);
    });

    it('changes when a declaration changes', () => {
      const base = buildInstance(input()).hash;
      const a1 = buildInstance(input({ declarations: [declaration('j0', { applicationId: 'a1' })] })).hash;
      const a0 = buildInstance(input({ declarations: [declaration('j0', { applicationId: 'a0' })] })).hash;
      expect(a1).not.toBe(base);
      expect(a0).not.toBe(base);
      expect(a0).not.toBe(a1);
    });

    it('changes with demand and loads', () => {
      const base = buildInstance(input()).hash;
      expect(buildInstance(input({ jurorsPerApplication: 3 })).hash).not.toBe(base);
      expect(buildInstance(input({ maxLoad: 4 })).hash).not.toBe(base);
      expect(buildInstance(input({ firstRun: false })).hash).not.toBe(base);
    });
  });
});
