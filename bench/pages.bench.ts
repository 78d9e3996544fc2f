/**
 * What the public and applicant pages cost a person on a slow phone, measured in Debian's Chromium (see
 * test/browser): each page opened cold (a new browser context, so an empty cache) on 400 kbit/s
 * with 400 ms round trips, JavaScript on, 360 px wide, against a real api in this process with a
 * database of its own holding a few open competitions and one applicant (a draft, a submitted
 * application, an accepted award), whose pages are loaded with their session cookie.
 *
 * Per page: the bytes as sent (HTML, CSS and JS bodies, compressed as the server sent them;
 * response headers apart), the requests, and the time from navigation start to the first frame
 * that shows the h1 (styled); beside it the same data's JSON read (the public API) where there is
 * one: its bytes and its last byte. Also the same page's bodies as sent to a client that takes gzip
 * only. The median of --runs loads. Candidates that are not an HTML page on this branch (404, or a
 * JSON route) are listed apart. Goals (DESIGN.md section 13): an applicant's page <= 60 KB and
 * its heading within 1.5 s. Nothing here is asserted: the figures are printed.
 *
 * Then the managers' applications table over 10,000 applications (bench/pages/staff.ts).
 *
 *   npm run bench -- pages [--runs 3]
 */
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AppConfig } from '../src/config/app-config';
import { configureApp } from '../src/configure-app';
import { runMigrationsUnderLock } from '../src/database/migrate';
import { launchChromium } from '../test/browser/chromium';
import { benchConfig, createBenchDatabase, dropBenchDatabase } from './bench-database';
import { option } from './options';
import { ApplicantWorld, seedApplicant } from './pages/applicant';
import { coldLoad, gzipBytes, Load, medianLoad, Visitor } from './pages/measure';
import { printPages, PageRow } from './pages/report';
import { PublicSite, seedPublicSite } from './pages/seed';
import { benchStaffPages } from './pages/staff';

type Ids = PublicSite & { applicant: ApplicantWorld };

interface Candidate {
  name: string;
  path: (ids: Ids) => string;
  /** The JSON reads of the same data, newest path first (the API moved under /api). */
  json?: (ids: Ids) => string[];
  /** Loaded as the seeded applicant: the page with their session cookie, the JSON read with their bearer token. */
  signedIn?: boolean;
}

/** Every public and applicant page the service may have; those this branch lacks answer 404 and are skipped. */
const CANDIDATES: Candidate[] = [
  {
    name: 'home',
    path: () => '/',
    json: () => ['/api/public/competitions?status=open', '/public/competitions?status=open'],
  },
  {
    name: 'competition',
    path: ({ competitionId }) => `/competitions/${competitionId}`,
    json: ({ competitionId }) => [`/api/public/competitions/${competitionId}`, `/public/competitions/${competitionId}`],
  },
  { name: 'village', path: ({ villageId }) => `/villages/${villageId}` },
  {
    name: 'open-data',
    path: () => '/open-data',
    json: () => ['/api/public/grants', '/public/grants'],
  },
  { name: 'sign-in', path: () => '/sign-in' },
  { name: 'register', path: () => '/register' },
  { name: 'forgot-password', path: () => '/forgot-password' },
  ...applicantPages(),
];

/** The applicant's pages, each beside the JSON read a client of the API would make for the same screen. */
function applicantPages(): Candidate[] {
  const draft = (step: string): Candidate => ({
    name: `draft: ${step}`,
    path: ({ applicant }) => `/applications/${applicant.draftId}/${step}`,
    json: ({ applicant }) => [`/api/applications/${applicant.draftId}`],
    signedIn: true,
  });
  return [
    { name: 'dashboard', path: () => '/applications', json: () => ['/api/applications/mine'], signedIn: true },
    {
      name: 'start a draft',
      path: ({ competitionIds }) => `/applications/new?competition=${competitionIds[3]}`,
      json: ({ competitionIds }) => [`/api/public/competitions/${competitionIds[3]}`],
      signedIn: true,
    },
    {
      name: 'draft: task list',
      path: ({ applicant }) => `/applications/${applicant.draftId}`,
      json: ({ applicant }) => [`/api/applications/${applicant.draftId}`],
      signedIn: true,
    },
    draft('project'),
    draft('goals'),
    draft('budget'),
    draft('attachments'),
    draft('check'),
    {
      name: 'receipt',
      path: ({ applicant }) => `/applications/${applicant.submittedId}`,
      json: ({ applicant }) => [`/api/applications/${applicant.submittedId}`],
      signedIn: true,
    },
    {
      name: 'award',
      path: ({ applicant }) => `/awards/${applicant.awardId}`,
      json: ({ applicant }) => [`/api/awards/${applicant.awardId}`],
      signedIn: true,
    },
    {
      name: 'milestone report',
      path: ({ applicant }) => `/awards/${applicant.awardId}/tranches/${applicant.trancheId}/report`,
      json: ({ applicant }) => [`/api/awards/${applicant.awardId}`],
      signedIn: true,
    },
    { name: 'profile', path: () => '/account', json: () => ['/api/me'], signedIn: true },
  ];
}

export async function benchPages(): Promise<void> {
  const runs = option('runs', 3);
  const { admin, name, url } = await createBenchDatabase('pages');
  const config: AppConfig = benchConfig(name, url);
  let app: NestExpressApplication | undefined;
  let browser: Browser | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
    configureApp(app);
    await runMigrationsUnderLock(app.get(DataSource));
    await app.listen(0, '127.0.0.1');
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const site = await seedPublicSite(app);
    const ids: Ids = { ...site, applicant: await seedApplicant(app, origin, site) };
    browser = await launchChromium();
    const rows: PageRow[] = [];
    const missing: string[] = [];
    for (const candidate of CANDIDATES) {
      const path = candidate.path(ids);
      const as: Visitor = candidate.signedIn ? ids.applicant.as : {};
      const probe = await fetch(`${origin}${path}`, {
        headers: as.cookie ? { Cookie: `${as.cookie.name}=${as.cookie.value}` } : {},
        redirect: 'manual',
      });
      await probe.arrayBuffer();
      if (probe.status !== 200 || !/html/.test(probe.headers.get('content-type') ?? '')) {
        missing.push(`${candidate.name} (${path}: ${probe.status})`);
        continue;
      }
      const page = await repeat(runs, () => coldLoad(browser!, `${origin}${path}`, { cookie: as.cookie }));
      const gzip = await gzipBytes(page.urls, { cookie: as.cookie });
      const bearer = { bearer: as.cookie ? ids.applicant.as.bearer : undefined };
      const jsonPath = await firstAnswering(origin, candidate.json?.(ids) ?? [], bearer);
      const json = jsonPath ? await repeat(runs, () => coldLoad(browser!, `${origin}${jsonPath}`, bearer)) : undefined;
      rows.push({ name: candidate.name, path, page, gzip, jsonPath, json });
    }
    printPages(rows, missing, runs);
    await benchStaffPages(app, origin, runs);
  } finally {
    await browser?.close();
    await app?.close();
    await dropBenchDatabase(admin, name, config);
  }
}

async function repeat(runs: number, load: () => Promise<Load>): Promise<Load> {
  const loads: Load[] = [];
  for (let i = 0; i < runs; i += 1) loads.push(await load());
  return medianLoad(loads);
}

async function firstAnswering(origin: string, paths: string[], as: Visitor): Promise<string | undefined> {
  for (const path of paths) {
    const response = await fetch(`${origin}${path}`, { headers: as.bearer ? { Authorization: as.bearer } : {} });
    await response.arrayBuffer();
    if (response.status === 200 && /json/.test(response.headers.get('content-type') ?? '')) return path;
  }
  return undefined;
}
