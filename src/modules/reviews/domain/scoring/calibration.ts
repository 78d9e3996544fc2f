/**
 * The additive model `total = quality + juror offset + noise` (DESIGN.md section 5), fitted by
 * least squares with a small ridge on the offsets, by block coordinate descent (each step solves
 * one block exactly; the objective is convex, so it converges). Cost per sweep is linear in the
 * number of scoresheets.
 */
export interface Rating {
  application: string;
  juror: string;
  total: number;
}

export interface Calibration {
  quality: Map<string, number>;
  offset: Map<string, number>;
}

export function calibrate(ratings: readonly Rating[], ridge = 1, sweeps = 200, tolerance = 1e-9): Calibration {
  const quality = new Map<string, number>();
  const offset = new Map<string, number>();
  const byApplication = new Map<string, Rating[]>();
  const byJuror = new Map<string, Rating[]>();
  for (const r of ratings) {
    (byApplication.get(r.application) ?? byApplication.set(r.application, []).get(r.application)!).push(r);
    (byJuror.get(r.juror) ?? byJuror.set(r.juror, []).get(r.juror)!).push(r);
    offset.set(r.juror, 0);
  }
  for (let sweep = 0; sweep < sweeps; sweep += 1) {
    let change = 0;
    for (const [application, rs] of byApplication) {
      const q = rs.reduce((sum, r) => sum + r.total - offset.get(r.juror)!, 0) / rs.length;
      change = Math.max(change, Math.abs(q - (quality.get(application) ?? 0)));
      quality.set(application, q);
    }
    for (const [juror, rs] of byJuror) {
      const b = rs.reduce((sum, r) => sum + r.total - quality.get(r.application)!, 0) / (rs.length + ridge);
      change = Math.max(change, Math.abs(b - offset.get(juror)!));
      offset.set(juror, b);
    }
    if (change < tolerance) break;
  }
  return { quality, offset };
}

/** Whether every application and juror is linked through shared scoresheets (one component). */
export function isConnected(ratings: readonly Rating[]): boolean {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const r of ratings) {
    const a = `a:${r.application}`;
    const j = `j:${r.juror}`;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(j)) parent.set(j, j);
    parent.set(find(a), find(j));
  }
  const roots = new Set([...parent.keys()].map(find));
  return roots.size <= 1;
}
