import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isAlive, runId } from './databases';

const ROOT = join(__dirname, '..', '..');
const BUILDS = join(ROOT, '.data', 'test-build');
const execute = promisify(execFile);

/**
 * The JavaScript that child processes of one Jest run start from (api, worker, CLIs, scripts):
 * compiled once by the global setup with the production build's settings, under .data (ignored by
 * git), one directory per run so parallel runs never overwrite each other's. Starting a process
 * through ts-node compiled it again each time, 20-30 s on a busy machine.
 */
export function buildDirectory(): string {
  return join(BUILDS, runId());
}

/** The compiled form of a source file of the repository, e.g. `src/worker.ts` -> `<build>/src/worker.js`. */
export function builtScript(source: string): string {
  const file = join(buildDirectory(), source.replace(/\.tsx?$/, '.js'));
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: child processes start from the build the Jest global setup makes`);
  }
  return file;
}

/**
 * Compiles src, migrations and scripts as tsconfig.build.json does (tsc, decorator metadata and all).
 * Type errors do not stop it (typecheck is its own step, and the tests in Jest's own process do not
 * wait for it either); output that is missing does.
 */
export async function buildForTests(): Promise<void> {
  const dir = buildDirectory();
  await removeAbandonedBuilds();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const tsconfig = join(dir, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir: dir, rootDir: ROOT, sourceMap: true },
      include: ['src', 'migrations', 'scripts'].map((folder) => join(ROOT, folder)),
      exclude: ['*.spec.ts', '*.spec.tsx'].map((pattern) => join(ROOT, '**', pattern)),
    }),
  );
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const failure = await execute(process.execPath, [tsc, '-p', tsconfig], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    () => undefined,
    (error: Error & { stdout?: string }) => error,
  );
  const entrypoints = ['src/main.js', 'src/worker.js', 'src/cli.js'].map((file) => join(dir, file));
  if (failure && !entrypoints.every((file) => existsSync(file))) {
    throw new Error(`The test build failed: ${failure.stdout ?? failure.message}`);
  }
  if (failure) console.warn(`The test build has type errors (npm run typecheck names them):\n${failure.stdout}`);
}

/** Removes this run's build (the global teardown). */
export async function removeBuild(): Promise<void> {
  await rm(buildDirectory(), { recursive: true, force: true });
}

/** Builds left by earlier runs whose Jest process is gone (a crash or a kill: no teardown ran). */
async function removeAbandonedBuilds(): Promise<void> {
  const runs = await readdir(BUILDS).catch(() => [] as string[]);
  for (const run of runs) {
    const pid = Number(run);
    if (!Number.isInteger(pid) || !isAlive(pid)) await rm(join(BUILDS, run), { recursive: true, force: true });
  }
}
