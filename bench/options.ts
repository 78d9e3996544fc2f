// Command-line sizes shared by the benchmarks: `npm run bench -- <name> --n 2000`.

/** `--name value` from the command line, as a positive integer; undefined when it is not given. */
export function positiveOption(name: string): number | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** `--name value` from the command line, as a positive integer, or `fallback` when it is not given. */
export function option(name: string, fallback: number): number {
  return positiveOption(name) ?? fallback;
}
