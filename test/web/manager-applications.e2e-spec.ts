import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { createScreenable, Screenable } from '../helpers/screening-setup';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

type Fields = Record<string, string | string[]>;

/** Extra rows inserted in bulk, so the table has more than one page (50 rows a page). */
const EXTRA = 60;
const SUBMITTED = 5;

describe('web: managers list, filter, export and screen applications', () => {
  let ctx: TestContext;
  let cast: Cast;
  let s: Screenable;
  let manager: WebClient;
  let base: string;

  const sql = async <T>(text: string, params: unknown[] = []) => (await ctx.dataSource.query(text, params)) as T[];
  const statusOf = async (id: string) =>
    (await sql<{ status: string }>('SELECT status FROM applications WHERE id = $1', [id]))[0].status;
  const screenedEvents = async () =>
    Number(
      (await sql<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'application.screened'`))[0].n,
    );
  /** The references of the table's rows, in order. */
  const references = (html: string) =>
    [...html.matchAll(/href="\/manage\/applications\/[0-9a-f-]{36}">([^<]+)</g)].map((m) => m[1]);
  const total = (html: string) => Number(/(\d+) applications? match/.exec(html)?.[1]);

  /** Posts a form as a browser encodes it: a ticked box per `ids=` pair, the page's token. */
  const post = (client: WebClient, path: string, fields: Fields, token = true) => {
    const body = new URLSearchParams(token ? { _csrf: client.token } : {});
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    return client.agent.post(path).type('form').set('Sec-Fetch-Site', 'same-origin').send(body.toString());
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    s = await createScreenable(ctx, cast, SUBMITTED, EXTRA);
    await sql(`UPDATE users SET preferred_language = 'en' WHERE id = ANY($1)`, [
      [cast.manager.user.id, cast.manager2.user.id, cast.admin.user.id],
    ]);
    manager = await signedInClient(ctx, cast.manager.user.email, PASSWORD);
    base = `/manage/competitions/${s.competitionId}/applications`;
  }, 120000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('lists the competitions on the managers’ home with counts by status, and opens the overview', async () => {
    const home = await manager.page('/manage');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`href="/manage/competitions/${s.competitionId}"`);
    expect(home.text).toContain(s.code);
    const overview = await manager.page(`/manage/competitions/${s.competitionId}`);
    expect(overview.status).toBe(200);
    for (const section of ['applications', 'rounds', 'awards'])
      expect(overview.text).toContain(`href="/manage/competitions/${s.competitionId}/${section}"`);
    expect(overview.text).toContain(`${SUBMITTED + EXTRA} applications sent`);
  });

  it('shows the first page of every sent application (no drafts), newest first, with a pager', async () => {
    const page = await manager.page(base);
    expect(page.status).toBe(200);
    expect(total(page.text)).toBe(SUBMITTED + EXTRA);
    expect(references(page.text)).toHaveLength(50);
    expect(page.text).not.toContain(s.draftId);
    expect(page.text).toContain('Page 1 of 2');
    const second = await manager.page(`${base}?page=2`);
    expect(references(second.text)).toHaveLength(SUBMITTED + EXTRA - 50);
    expect(second.text).toContain('Page 2 of 2');
    const first = new Set(references(page.text));
    expect(references(second.text).some((r) => first.has(r))).toBe(false);
  });

  it('filters by status, district, village, goal, sector and text', async () => {
    expect(total((await manager.page(`${base}?status=draft`)).text)).toBe(1);
    const byDistrict = await manager.page(`${base}?district=${s.districtIds[1]}`);
    const inSecond = Number(
      (
        await sql<{ n: string }>(
          `SELECT count(*) AS n FROM applications WHERE competition_id = $1 AND village_id = $2 AND status <> 'draft'`,
          [s.competitionId, s.villageIds[2]],
        )
      )[0].n,
    );
    expect(total(byDistrict.text)).toBe(inSecond);
    expect(total((await manager.page(`${base}?village=${s.villageIds[2]}`)).text)).toBe(inSecond);
    expect(total((await manager.page(`${base}?goal=${s.goalIds[2]}`)).text)).toBe(inSecond);
    const tourism = await manager.page(`${base}?sector=tourism&q=Project%200`);
    expect(references(tourism.text)).toHaveLength(1);
    expect(tourism.text).toContain(s.submitted[0].title);
    // A filter value that is not one is left out, not an error.
    expect((await manager.page(`${base}?district=nonsense&sort=drop%20table`)).status).toBe(200);
  });

  it('sorts by the column headers, both ways', async () => {
    const ascending = await manager.page(`${base}?sort=requestedAmount&order=asc`);
    const descending = await manager.page(`${base}?sort=requestedAmount&order=desc`);
    const amounts = async (order: string) =>
      (
        await sql<{ reference: string }>(
          `SELECT reference FROM applications WHERE competition_id = $1 AND status <> 'draft'
            ORDER BY requested_amount ${order}, id LIMIT 3`,
          [s.competitionId],
        )
      ).map((r) => r.reference);
    expect(references(ascending.text).slice(0, 3)).toEqual(await amounts('ASC'));
    expect(references(descending.text).slice(0, 3)).toEqual(await amounts('DESC'));
    expect(ascending.text).toContain('aria-sort="ascending"');
    expect(ascending.text).toContain(`${base}?sort=requestedAmount&amp;order=desc`);
  });

  it('exports the filtered set as CSV through the session', async () => {
    const csv = await manager.agent.get(`${base.replace(/applications$/, 'applications.csv')}?sector=tourism`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    const tourism = Number(
      (
        await sql<{ n: string }>(
          `SELECT count(*) AS n FROM applications WHERE competition_id = $1 AND sector = 'tourism' AND status <> 'draft'`,
          [s.competitionId],
        )
      )[0].n,
    );
    expect(lines).toHaveLength(tourism + 1);
    expect(lines.slice(1).every((line) => line.includes(',tourism,'))).toBe(true);
  });

  it('refuses bad bulk input with 400 and screens nothing', async () => {
    await manager.page(base);
    const before = await screenedEvents();
    const [a, b] = s.submitted;
    const cases: Fields[] = [
      { ids: [a.id, b.id], decision: 'ineligible' }, // no reason
      { ids: [a.id], decision: 'ineligible', reason: 'other' }, // "other" without a note
      { ids: [a.id], decision: 'maybe' },
      { ids: [a.id], decision: 'ineligible', reason: 'not-a-reason' },
      { decision: 'eligible' }, // nothing selected
      { ids: ['not-a-uuid'], decision: 'eligible' },
      { ids: [a.id], decision: 'eligible', surprise: '1' },
    ];
    for (const fields of cases) {
      const response = await post(manager, `${base}/screening`, fields);
      expect(response.status).toBe(400);
    }
    const again = await post(manager, `${base}/screening`, { ids: [a.id, b.id], decision: 'ineligible', note: 'kept' });
    expect(again.text).toContain('For &quot;not eligible&quot;, choose a reason from the list');
    expect(again.text).toMatch(new RegExp(`value="${a.id}"[^>]*checked`));
    expect(again.text).toContain('>kept</textarea>');
    expect(await screenedEvents()).toBe(before);
    expect(await statusOf(a.id)).toBe('submitted');
  });

  it('refuses a bulk form without its CSRF token', async () => {
    const response = await post(manager, `${base}/screening`, { ids: s.submitted[0].id, decision: 'eligible' }, false);
    expect(response.status).toBe(403);
    expect(await statusOf(s.submitted[0].id)).toBe('submitted');
  });

  it('screens the ticked applications, each with its outcome on the page it redirects to, audited', async () => {
    await manager.page(base);
    const [a, b] = s.submitted;
    const before = await screenedEvents();
    const response = await post(manager, `${base}/screening`, {
      ids: [a.id, b.id],
      decision: 'eligible',
      status: 'submitted',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(new RegExp(`^${base}/screening/[0-9a-f-]{36}\\?status=submitted$`));
    expect(await statusOf(a.id)).toBe('eligible');
    expect(await statusOf(b.id)).toBe('eligible');
    expect(await screenedEvents()).toBe(before + 2);
    const result = await manager.page(response.headers.location);
    expect(result.status).toBe(200);
    expect(result.text).toContain('2 applications screened.');
    expect(result.text).toContain(`href="${base}?status=submitted"`);
    // Another manager does not read this manager's outcome.
    const other = await signedInClient(ctx, cast.manager2.user.email, PASSWORD);
    expect((await other.page(response.headers.location)).text).toContain('no longer kept');
  });

  it('screens every application the filters match, then refuses those no longer waiting, saying why', async () => {
    await manager.page(base);
    const [a, , c] = s.submitted;
    const crafts = await sql<{ id: string }>(
      `SELECT id FROM applications WHERE competition_id = $1 AND sector = 'crafts' AND status = 'submitted'`,
      [s.competitionId],
    );
    expect(crafts.map((r) => r.id)).toContain(c.id);
    const response = await post(manager, `${base}/screening`, {
      all: '1',
      sector: 'crafts',
      ids: a.id, // a ticked row is ignored when every match is selected
      decision: 'ineligible',
      reason: 'documents_missing',
      note: 'The registration certificate is missing',
    });
    expect(response.status).toBe(303);
    for (const { id } of crafts) expect(await statusOf(id)).toBe('ineligible');
    expect(await statusOf(a.id)).toBe('eligible');
    const [row] = await sql<{ screening_reason: string; screening_note: string }>(
      'SELECT screening_reason, screening_note FROM applications WHERE id = $1',
      [c.id],
    );
    expect(row).toEqual({
      screening_reason: 'documents_missing',
      screening_note: 'The registration certificate is missing',
    });
    const result = await manager.page(response.headers.location);
    expect(result.text).toContain(`${crafts.length} applications screened.`);
    // The mail to an ineligible applicant is in the outbox.
    const mails = await sql('SELECT 1 FROM notifications WHERE recipient_id = $1', [c.applicant.user.id]);
    expect(mails.length).toBeGreaterThan(0);

    const again = await post(manager, `${base}/screening`, { ids: [a.id, c.id], decision: 'eligible' });
    expect(again.status).toBe(303);
    const refused = await manager.page(again.headers.location);
    expect(refused.text).toContain('0 applications screened.');
    expect(refused.text).toContain('2 applications refused.');
    expect(refused.text).toContain('The application is not in a status that allows this');
    expect(await statusOf(c.id)).toBe('ineligible');
  });

  it('shows one application with its applicant, snapshot, files and history; screens it; marks a file', async () => {
    const d = s.submitted[3];
    const page = await manager.page(`/manage/applications/${d.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Applicant 3');
    expect(page.text).toContain(d.applicant.user.email);
    expect(page.text).toContain('+77015550101');
    expect(page.text).toContain('Description 3');
    expect(page.text).toContain(`href="/manage/applications/${d.id}/return"`);
    expect(page.text).toContain('Submitted');
    const bad = await manager.submit(`/manage/applications/${d.id}/screening`, { decision: 'ineligible', reason: '' });
    expect(bad.status).toBe(400);
    expect(await statusOf(d.id)).toBe('submitted');
    const ok = await manager.submit(`/manage/applications/${d.id}/screening`, { decision: 'eligible' });
    expect(ok.status).toBe(303);
    expect(await statusOf(d.id)).toBe('eligible');
    const after = await manager.page(ok.headers.location);
    expect(after.text).toContain('The decision is saved.');
    expect(after.text).not.toContain(`/manage/applications/${d.id}/return`);
    expect(after.text).toContain('Screened');
    // Screening it again is a conflict, with nothing changed.
    const twice = await manager.submit(`/manage/applications/${d.id}/screening`, {
      decision: 'ineligible',
      reason: 'other',
      note: 'x',
    });
    expect(twice.status).toBe(409);
    expect(await statusOf(d.id)).toBe('eligible');

    const first = s.submitted[0];
    const files = await manager.page(`/manage/applications/${first.id}`);
    expect(files.text).toContain('Aigerim_CV.pdf');
    const marked = await manager.submit(`/manage/applications/${first.id}/attachments/${s.files.quote}/identifying`, {
      identifying: 'no',
    });
    expect(marked.status).toBe(303);
    const [file] = await sql<{ identifying: boolean }>('SELECT identifying FROM attachments WHERE id = $1', [
      s.files.quote,
    ]);
    expect(file.identifying).toBe(false);
    const forged = await manager.submit(`/manage/applications/${first.id}/attachments/${s.files.cv}/identifying`, {
      identifying: 'maybe',
    });
    expect(forged.status).toBe(400);
    const download = await manager.agent.get(`/manage/applications/${first.id}/attachments/${s.files.cv}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('lets an admin read but not screen, and keeps jurors and applicants out', async () => {
    const admin = await signedInClient(ctx, cast.admin.user.email, PASSWORD);
    expect((await admin.page(base)).status).toBe(200);
    const refused = await admin.submit(`${base}/screening`, { ids: s.submitted[4].id, decision: 'eligible' });
    expect(refused.status).toBe(403);
    expect(await statusOf(s.submitted[4].id)).toBe('submitted');
    for (const person of [cast.juror, cast.applicant]) {
      const client = await signedInClient(ctx, person.user.email, PASSWORD);
      for (const path of ['/manage', base, `/manage/applications/${s.submitted[4].id}`])
        expect((await client.page(path)).status).toBe(403);
      const post = await client.submit(`${base}/screening`, { ids: s.submitted[4].id, decision: 'eligible' });
      expect(post.status).toBe(403);
    }
    expect(await statusOf(s.submitted[4].id)).toBe('submitted');
    const unknown = await manager.page('/manage/applications/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });
});
