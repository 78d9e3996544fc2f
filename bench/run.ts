/**
 * `npm run bench` runs every benchmark; `npm run bench -- notifications --n 5000` runs one.
 * Every `--flag` takes a value; a benchmark may read flags of its own (see its header).
 */
import { benchApplications } from './applications.bench';
import { benchAssignment } from './assignment.bench';
import { benchFinalize } from './finalize.bench';
import { benchFundingReport } from './funding-report.bench';
import { benchLoad } from './load.bench';
import { benchNotifications } from './notifications.bench';
import { benchPages } from './pages.bench';
import { benchPayments } from './payments.bench';

/** Each benchmark with its own default size, used when `--n` is not given. */
const BENCHES: Record<string, (n: number | undefined) => Promise<void>> = {
  notifications: (n) => benchNotifications(n ?? 2000),
  applications: (n) => benchApplications(n ?? 500),
  assignment: (n) => benchAssignment(n),
  finalize: (n) => benchFinalize(n ?? 100000),
  'funding-report': (n) => benchFundingReport(n ?? 10000),
  payments: (n) => benchPayments(n ?? 2000),
  load: (n) => benchLoad(n ?? 4000),
  pages: () => benchPages(),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const nIndex = args.indexOf('--n');
  const n = nIndex >= 0 ? Number(args[nIndex + 1]) : undefined;
  const names = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
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
