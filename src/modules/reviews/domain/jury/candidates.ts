import { createHash } from 'node:crypto';
import { AffinityApplication, AffinityJuror, affinityTable } from './affinity';
import { DeclaredConflict, inConflict } from './conflicts';

/**
 * The engine's instance for one run of a round, built from what the database holds: the places
 * still open (k minus active assignments), the loads still free, and every allowed pair with its
 * affinity. Pure, so the run can be recomputed; its hash is stored with the run.
 */
export interface InstanceApplication extends AffinityApplication {
  id: string;
  applicantId: string;
  villageId: string;
}

export interface InstanceJuror extends AffinityJuror {
  id: string;
  homeVillageId: string | null;
}

export interface InstanceInput {
  applications: InstanceApplication[];
  jurors: InstanceJuror[];
  declarations: {
    jurorId: string;
    applicantId: string | null;
    applicationId: string | null;
    villageId: string | null;
  }[];
  /** Every pair of the round so far; active ones are kept, ended ones never proposed again. */
  pairs: { applicationId: string; jurorId: string; status: string }[];
  imported: { applicationId: string; jurorId: string; score: number }[];
  jurorsPerApplication: number;
  minLoad: number;
  maxLoad: number;
  /** Minimum loads bind the first run only; a refill of a few places cannot owe anyone a minimum. */
  firstRun: boolean;
}

export interface BuiltInstance {
  applications: number;
  jurors: number;
  demand: number[];
  minLoad: number[];
  maxLoad: number[];
  candidates: [number, number][][];
  hash: string;
}

export function buildInstance(input: InstanceInput): BuiltInstance {
  const { applications, jurors } = input;
  const appIndex = new Map(applications.map((a, i) => [a.id, i]));
  const jurorIndex = new Map(jurors.map((j, k) => [j.id, k]));
  const active = new Array<number>(applications.length).fill(0);
  const load = new Array<number>(jurors.length).fill(0);
  const taken = new Set<string>();
  for (const p of input.pairs) {
    taken.add(`${p.applicationId}:${p.jurorId}`);
    if (p.status !== 'active') continue;
    const i = appIndex.get(p.applicationId);
    const j = jurorIndex.get(p.jurorId);
    if (i !== undefined) active[i] += 1;
    if (j !== undefined) load[j] += 1;
  }
  const declaredBy = jurors.map((): DeclaredConflict[] => []);
  for (const d of input.declarations) {
    const j = jurorIndex.get(d.jurorId);
    if (j !== undefined) declaredBy[j].push(d);
  }
  const imported = new Map(input.imported.map((x) => [`${x.applicationId}:${x.jurorId}`, x.score]));
  const score = affinityTable(applications, jurors);

  const hash = createHash('sha256');
  const demand = applications.map((_, i) => Math.max(0, input.jurorsPerApplication - active[i]));
  const maxLoad = jurors.map((_, j) => Math.max(0, input.maxLoad - load[j]));
  const minLoad = jurors.map((_, j) =>
    input.firstRun ? Math.min(maxLoad[j], Math.max(0, input.minLoad - load[j])) : 0,
  );
  hash.update(
    JSON.stringify({
      applications: applications.map((a) => a.id),
      jurors: jurors.map((j) => j.id),
      demand,
      minLoad,
      maxLoad,
    }),
  );
  const candidates = applications.map((a, i) => {
    const list: [number, number][] = [];
    if (demand[i] === 0) return list;
    jurors.forEach((juror, j) => {
      if (inConflict({ applicationId: a.id, applicantId: a.applicantId, villageId: a.villageId }, juror, declaredBy[j]))
        return;
      const key = `${a.id}:${juror.id}`;
      if (taken.has(key)) return;
      list.push([j, score(i, j) + (imported.get(key) ?? 0)]);
    });
    hash.update(`${i}:${list.map(([j, s]) => `${j}/${s}`).join(',')};`);
    return list;
  });
  return {
    applications: applications.length,
    jurors: jurors.length,
    demand,
    minLoad,
    maxLoad,
    candidates,
    hash: hash.digest('hex'),
  };
}
