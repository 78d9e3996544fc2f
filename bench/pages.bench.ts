/**
 * What the public pages cost a person on a slow phone, measured in Debian's Chromium (see
 * test/browser): each page opened cold (a new browser context, so an empty cache) on 400 kbit/s
 * with 400 ms round trips, JavaScript on, 360 px wide, against a real api in this process with a
 * database of its own holding a few open competitions.
 *
 * Per page: the bytes as sent (HTML, CSS and JS bodies, compressed as the server sent them;
 * response headers apart), the requests, and the time from navigation start to the first frame
 * that shows the h1 (styled); beside it the same data's JSON read (the public API) where there is
 * one: its bytes and its last byte. Also the same page's bodies as sent to a client that takes gzip
 * only. The median of --runs loads. Candidates that are not an HTML page on this branch (404, or a
 * JSON route) are listed apart. Goals (DESIGN.md section 13): an applicant's page <= 60 KB and
 * its heading within 1.5 s. Nothing here is asserted: the figures are printed.
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
import { coldLoad, gzipBytes, Load, medianLoad } from './pages/measure';
import { printPages, PageRow } from './pages/report';
import { seedPublicSite } from './pages/seed';

type Ids = Awaited<ReturnType<typeof seedPublicSite>>;

interface Candidate {
  name: string;
  path: (ids: Ids) => string;
  /** The JSON reads of the same data, newest path first (the API moved under /api). */
  json?: (ids: Ids) => string[];
}

/** Every public page the service may have; those this branch lacks answer 404 and are skipped. */
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
];

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
    const ids = await seedPublicSite(app);
    browser = await launchChromium();
    const rows: PageRow[] = [];
    const missing: string[] = [];
    for (const candidate of CANDIDATES) {
      const path = candidate.path(ids);
      const probe = await fetch(`${origin}${path}`);
      await probe.arrayBuffer();
      if (probe.status !== 200 || !/html/.test(probe.headers.get('content-type') ?? '')) {
        missing.push(`${candidate.name} (${path}: ${probe.status})`);
        continue;
      }
      const page = await repeat(runs, () => coldLoad(browser!, `${origin}${path}`));
      const gzip = await gzipBytes(page.urls);
      const jsonPath = await firstAnswering(origin, candidate.json?.(ids) ?? []);
      const json = jsonPath ? await repeat(runs, () => coldLoad(browser!, `${origin}${jsonPath}`)) : undefined;
      rows.push({ name: candidate.name, path, page, gzip, jsonPath, json });
    }
    printPages(rows, missing, runs);
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

async function firstAnswering(origin: string, paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    const response = await fetch(`${origin}${path}`);
    await response.arrayBuffer();
    if (response.status === 200 && /json/.test(response.headers.get('content-type') ?? '')) return path;
  }
  return undefined;
}
