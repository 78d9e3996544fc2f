/** `npm run bench` runs every benchmark; `npm run bench -- notifications --n 5000` runs one. */
import { benchNotifications } from './notifications.bench';

const BENCHES: Record<string, (n: number) => Promise<void>> = {
  notifications: benchNotifications,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const nIndex = args.indexOf('--n');
  const n = nIndex >= 0 ? Number(args[nIndex + 1]) : 2000;
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--n');
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    await bench(n);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
