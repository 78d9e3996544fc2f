/**
 * The managers' pages at scale: one competition with 10,000 submitted applications (inserted in
 * bulk SQL: this measures reading them, not submitting them), a manager signed in with a browser
 * session cookie, and each page fetched from Node as a browser would ask for it (gzip). Per page:
 * the HTML bytes as sent (gzip), the same with the stylesheet and scripts (a cold cache), and the
 * server time: from sending the request to the last byte of the document, the median of `runs`
 * requests after one warm-up. Goal (issue 15): the applications table under 300 ms and 100 KB.
 *
 * Called from bench/pages.bench.ts with the app it started: `await benchStaffPages(app, origin, runs)`.
 */
import { request } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrowserSessionsService } from '../../src/modules/auth/browser-sessions.service';
import { CompetitionLifecycleService } from '../../src/modules/competitions/competition-lifecycle.service';
import { CompetitionsService } from '../../src/modules/competitions/competitions.service';
import { CreateCompetitionDto } from '../../src/modules/competitions/dto/competition.dto';
import { GeographyService } from '../../src/modules/geography/geography.service';
import { PlansService } from '../../src/modules/plans/plans.service';
import { UsersService } from '../../src/modules/users/users.service';
import { AssetCatalog } from '../../src/web/assets/asset-catalog';
import { cookieNames } from '../../src/web/session/cookies';
import { insertSubmittedApplications } from '../../test/helpers/application-rows';

const APPLICATIONS = 10_000;
const APPLICANTS = 500;
const DISTRICTS = 3;
const VILLAGES_PER_DISTRICT = 4;
export const STAFF_GOALS = { bytes: 100 * 1024, serverMs: 300 };

export interface StaffRow {
  name: string;
  path: string;
  status: number;
  /** The document as sent with gzip. */
  htmlBytes: number;
  /** With the stylesheet and scripts (gzip), as on a cold cache. */
  coldBytes: number;
  /** Median time to the document's last byte, in milliseconds. */
  serverMs: number;
  /** A page the goal applies to (the applications table). */
  table: boolean;
}

interface Fetched {
  status: number;
  bytes: number;
  ms: number;
}

function fetchRaw(url: string, cookie: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(url, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip', 'Accept-Language': 'ru' } });
    req.on('response', (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, bytes, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Places, plans, a competition, 500 applicants and 10,000 submitted applications; a manager. */
export async function seedStaffPages(app: INestApplication) {
  const dataSource = app.get(DataSource);
  const users = app.get(UsersService);
  const admin = await users.create(
    {
      email: 'bench-staff-admin@example.kz',
      password: 'bench-password-1',
      fullName: 'Bench',
      preferredLanguage: 'ru',
      roles: ['admin'],
    },
    null,
  );
  const manager = await users.create(
    {
      email: 'bench-staff-manager@example.kz',
      password: 'bench-password-1',
      fullName: 'Айгуль Менеджер',
      preferredLanguage: 'ru',
      roles: ['manager'],
    },
    null,
  );
  const geography = app.get(GeographyService);
  const plans = app.get(PlansService);
  const region = await geography.createRegion(admin.id, { name: { kk: 'Маңғыстау', ru: 'Мангистау' } });
  const villageIds: string[] = [];
  const goalIds: string[] = [];
  const districtIds: string[] = [];
  for (let d = 1; d <= DISTRICTS; d += 1) {
    const district = await geography.createDistrict(admin.id, {
      regionId: region.id,
      name: { kk: `${d}-аудан`, ru: `Район ${d}` },
    });
    districtIds.push(district.id);
    for (let v = 1; v <= VILLAGES_PER_DISTRICT; v += 1) {
      const village = await geography.createVillage(admin.id, {
        districtId: district.id,
        name: { kk: `Ауыл ${d}-${v}`, ru: `Село ${d}-${v}` },
      });
      const plan = await plans.create(admin.id, village.id, {
        title: `План ${d}-${v}`,
        periodStart: 2026,
        periodEnd: 2030,
        goals: [{ code: 'G1', title: { kk: 'Су', ru: 'Водоснабжение' }, priority: 1 }],
      });
      goalIds.push(((await plans.adopt(admin.id, plan.id)).goals ?? [])[0].id);
      villageIds.push(village.id);
    }
  }
  const draft = await app.get(CompetitionsService).create(
    manager.id,
    Object.assign(new CreateCompetitionDto(), {
      code: 'BSTAFF',
      title: { kk: 'Start Up: 10 000 өтінім', ru: 'Start Up: 10 000 заявок' },
      description: { ru: 'Конкурс для замера страниц менеджера' },
      budget: '100000000000',
      minAward: '10000000',
      maxAward: '300000000',
      minOwnShareBp: 2000,
      maxApplicationsPerApplicant: 1,
      opensAt: new Date(Date.now() - 86400000),
      closesAt: new Date(Date.now() + 30 * 86400000),
      eligibleVillageIds: villageIds,
    }),
  );
  const competition = await app.get(CompetitionLifecycleService).open(manager.id, draft.id);
  const applicants: { id: string }[] = await dataSource.query(
    `INSERT INTO users (email, password_hash, full_name, phone, preferred_language, roles, email_confirmed_at)
     SELECT 'bench-applicant-' || n || '@example.kz', 'not-a-hash', 'Заявитель ' || n, '+7701' || lpad(n::text, 7, '0'),
            'ru', ARRAY['applicant'], now()
       FROM generate_series(1, $1::int) AS n RETURNING id`,
    [APPLICANTS],
  );
  await insertSubmittedApplications(dataSource, {
    competitionId: competition.id,
    code: competition.code,
    villageIds,
    goalIds,
    applicantIds: applicants.map((a) => a.id),
    count: APPLICATIONS,
  });
  const [one]: { id: string }[] = await dataSource.query(
    `SELECT id FROM applications WHERE competition_id = $1 ORDER BY reference_number LIMIT 1`,
    [competition.id],
  );
  return { competitionId: competition.id, managerId: manager.id, districtIds, villageIds, applicationId: one.id };
}

/** Seeds, signs a manager in, measures each staff page and prints the table. */
export async function benchStaffPages(app: INestApplication, origin: string, runs: number): Promise<StaffRow[]> {
  const ids = await seedStaffPages(app);
  const secret = await app.get(BrowserSessionsService).start(ids.managerId, 'bench');
  const cookie = `${cookieNames(false).session}=${secret}`;
  const urls = app.get(AssetCatalog).urls;
  let assets = 0;
  for (const asset of [urls.css, urls.htmx, urls.app]) assets += (await fetchRaw(`${origin}${asset}`, '')).bytes;
  const table = `/manage/competitions/${ids.competitionId}/applications`;
  const pages: { name: string; path: string; table?: boolean }[] = [
    { name: 'manager home', path: '/manage' },
    { name: 'competition overview', path: `/manage/competitions/${ids.competitionId}` },
    { name: 'applications, first page', path: table, table: true },
    {
      name: 'applications, filtered',
      path: `${table}?status=submitted&district=${ids.districtIds[1]}&sector=tourism&q=house`,
      table: true,
    },
    {
      name: 'applications, by amount, page 150',
      path: `${table}?sort=requestedAmount&order=asc&page=150`,
      table: true,
    },
    { name: 'one application', path: `/manage/applications/${ids.applicationId}` },
    { name: 'CSV of 10,000 (gzip)', path: `${table.replace(/applications$/, 'applications.csv')}` },
  ];
  const rows: StaffRow[] = [];
  const times = Math.max(runs, 5);
  for (const { name, path, table: isTable } of pages) {
    const warm = await fetchRaw(`${origin}${path}`, cookie);
    const samples: Fetched[] = [];
    for (let i = 0; i < times; i += 1) samples.push(await fetchRaw(`${origin}${path}`, cookie));
    const htmlBytes = median(samples.map((s) => s.bytes));
    rows.push({
      name,
      path,
      status: warm.status,
      htmlBytes,
      coldBytes: path.endsWith('.csv') ? htmlBytes : htmlBytes + assets,
      serverMs: median(samples.map((s) => s.ms)),
      table: isTable === true,
    });
  }
  printStaffPages(rows, times);
  return rows;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function printStaffPages(rows: StaffRow[], runs: number): void {
  console.log(
    `\nstaff pages: ${APPLICATIONS.toLocaleString('en')} applications in one competition, a signed-in manager,` +
      ` gzip; server time = request to last byte from Node, median of ${runs} after a warm-up`,
  );
  const header = ['page', 'status', 'html (gzip)', 'with css+js', 'server time', 'goal'];
  const cells = rows.map((r) => [
    r.name,
    String(r.status),
    kb(r.htmlBytes),
    kb(r.coldBytes),
    `${r.serverMs.toFixed(1)} ms`,
    r.table ? (r.coldBytes <= STAFF_GOALS.bytes && r.serverMs <= STAFF_GOALS.serverMs ? 'met' : 'MISSED') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n'));
  console.log(
    `goal for the applications table: under ${STAFF_GOALS.serverMs} ms and ${STAFF_GOALS.bytes / 1024} KB (with css+js)`,
  );
}
