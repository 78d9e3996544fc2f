/**
 * The additive model `total = quality + juror offset + noise` (DESIGN.md section 5), fitted by
 * least squares with a small ridge on the offsets: the unique minimiser of
 * `sum (total - quality[a] - offset[j])^2 + ridge * sum offset[j]^2`. It is solved to a relative
 * residual of 1e-12 (preconditioned conjugate gradient on the normal equations), so any other
 * least-squares solver gets the same scores to many decimals. Each iteration is linear in the
 * number of scoresheets; a national round (300,000) needs well under a second.
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

export function calibrate(
  ratings: readonly Rating[],
  ridge = 1,
  tolerance = 1e-12,
  maxIterations = 10_000,
): Calibration {
  const applications = new Map<string, number>();
  const jurors = new Map<string, number>();
  const app = new Int32Array(ratings.length);
  const juror = new Int32Array(ratings.length);
  const total = new Float64Array(ratings.length);
  ratings.forEach((r, i) => {
    app[i] = indexOf(applications, r.application);
    juror[i] = indexOf(jurors, r.juror);
    total[i] = r.total;
  });
  const A = applications.size;
  const size = A + jurors.size;
  // Unknowns x = [quality (A), offset (J)]; the normal equations M x = rhs, with M positive
  // definite thanks to the ridge: M = [[diag(n_a), C], [C^T, diag(m_j + ridge)]], C counting pairs.
  const diagonal = new Float64Array(size);
  const rhs = new Float64Array(size);
  for (let i = 0; i < ratings.length; i += 1) {
    diagonal[app[i]] += 1;
    diagonal[A + juror[i]] += 1;
    rhs[app[i]] += total[i];
    rhs[A + juror[i]] += total[i];
  }
  for (let j = A; j < size; j += 1) diagonal[j] += ridge;
  const multiply = (x: Float64Array, out: Float64Array) => {
    for (let k = 0; k < size; k += 1) out[k] = diagonal[k] * x[k];
    for (let i = 0; i < ratings.length; i += 1) {
      out[app[i]] += x[A + juror[i]];
      out[A + juror[i]] += x[app[i]];
    }
  };
  const dot = (u: Float64Array, v: Float64Array) => {
    let sum = 0;
    for (let k = 0; k < size; k += 1) sum += u[k] * v[k];
    return sum;
  };
  const x = new Float64Array(size);
  const residual = Float64Array.from(rhs);
  const z = residual.map((r, k) => r / diagonal[k]);
  const direction = Float64Array.from(z);
  const product = new Float64Array(size);
  let rz = dot(residual, z);
  const goal = tolerance * Math.sqrt(dot(rhs, rhs));
  for (let iteration = 0; iteration < maxIterations && Math.sqrt(dot(residual, residual)) > goal; iteration += 1) {
    multiply(direction, product);
    const step = rz / dot(direction, product);
    for (let k = 0; k < size; k += 1) {
      x[k] += step * direction[k];
      residual[k] -= step * product[k];
      z[k] = residual[k] / diagonal[k];
    }
    const next = dot(residual, z);
    for (let k = 0; k < size; k += 1) direction[k] = z[k] + (next / rz) * direction[k];
    rz = next;
  }
  return {
    quality: new Map([...applications].map(([id, a]) => [id, x[a]])),
    offset: new Map([...jurors].map(([id, j]) => [id, x[A + j]])),
  };
}

function indexOf(ids: Map<string, number>, id: string): number {
  let index = ids.get(id);
  if (index === undefined) ids.set(id, (index = ids.size));
  return index;
}

/** Whether every application and juror is linked through shared scoresheets (one component). */
export function isConnected(ratings: readonly Rating[]): boolean {
  const applications = new Map<string, number>();
  const jurors = new Map<string, number>();
  const pairs = ratings.map((r) => [indexOf(applications, r.application), indexOf(jurors, r.juror)] as const);
  // Applications are nodes 0..A-1, jurors A..A+J-1.
  const parent = Int32Array.from({ length: applications.size + jurors.size }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    for (let y = x; parent[y] !== root;) {
      const next = parent[y];
      parent[y] = root;
      y = next;
    }
    return root;
  };
  let components = parent.length;
  for (const [a, j] of pairs) {
    const ra = find(a);
    const rj = find(applications.size + j);
    if (ra !== rj) {
      parent[ra] = rj;
      components -= 1;
    }
  }
  return components <= 1;
}
