import { AuditService } from '../../src/modules/audit/audit.service';
import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { createOverseeable, Overseeable } from '../helpers/oversight-setup';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

/** Observers' pages, in English: the audit log and its chain check, a round's anonymised scoresheets. */
describe('web: observers’ oversight pages', () => {
  let ctx: TestContext;
  let cast: Cast;
  let a: Overseeable;
  let observer: WebClient;

  const sql = async <T>(text: string, params: unknown[] = []) => (await ctx.dataSource.query(text, params)) as T[];
  const readsBy = (actorId: string) =>
    sql<{ seq: string; entity_id: string; after: { material: string } }>(
      `SELECT seq, entity_id, after FROM audit_events WHERE actor_id = $1 AND action = 'oversight.read' ORDER BY seq`,
      [actorId],
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    a = await createOverseeable(ctx, cast);
    await sql("UPDATE users SET preferred_language = 'en' WHERE id = ANY($1)", [
      [cast.observer.user.id, cast.admin.user.id],
    ]);
    // Names that only these people have, so the scoresheets page can be searched for them.
    await sql("UPDATE users SET full_name = 'Juror Zhanar Secretova' WHERE id = $1", [cast.juror.user.id]);
    for (const [i, x] of a.applications.entries())
      await sql('UPDATE users SET full_name = $2 WHERE id = $1', [x.applicant.user.id, `Applicant Ermek No${i}`]);
    // Enough events for two pages: recorded through the service, so the chain stays whole.
    for (let i = 0; i < 30; i++)
      await ctx.app.get(AuditService).recordRead(cast.admin.user.id, 'filler', 'review_round', a.roundId, { i });
    observer = await signedInClient(ctx, cast.observer.user.email, PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('opens the oversight home with the competition’s round and the audit log, from the navigation', async () => {
    const home = await observer.page('/oversight');
    expect(home.status).toBe(200);
    expect(home.text).toContain('href="/oversight"');
    expect(home.text).toContain(`href="/oversight/rounds/${a.roundId}"`);
    expect(home.text).toContain('href="/oversight/audit"');
  });

  it('lists the audit log in chain order, fifty a page, with a next link that follows the chain', async () => {
    const [{ n }] = await sql<{ n: string }>('SELECT count(*) AS n FROM audit_events');
    expect(Number(n)).toBeGreaterThan(50);
    const first = await observer.page('/oversight/audit');
    expect(first.status).toBe(200);
    const seqs = [...first.text.matchAll(/<th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));
    expect(seqs).toHaveLength(50);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const next = /href="(\/oversight\/audit\?afterSeq=(\d+))" rel="next"/.exec(first.text);
    expect(next?.[2]).toBe(String(seqs[49]));
    const second = await observer.page(next![1].replace(/&amp;/g, '&'));
    const after = [...second.text.matchAll(/<th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));
    expect(after[0]).toBeGreaterThan(seqs[49]);
  });

  it('filters by entity and by actor, and names a bad filter in words with 400 (a bad cursor starts over)', async () => {
    const byEntity = await observer.page(`/oversight/audit?entityType=competition&entityId=${a.competitionId}`);
    expect(byEntity.status).toBe(200);
    const rows = [...byEntity.text.matchAll(/<th scope="row">(\d+)<\/th>/g)];
    expect(rows.length).toBeGreaterThan(0);
    expect(byEntity.text).not.toContain('review_round <code>');
    const byActor = await observer.page(`/oversight/audit?actorId=${cast.admin.user.id}`);
    const actors = [...byActor.text.matchAll(/<a href="\/oversight\/audit\?actorId=([0-9a-f-]+)"/g)].map((m) => m[1]);
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set([cast.admin.user.id]));
    const bad = await observer.page('/oversight/audit?actorId=nobody&entityId=%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter the id of who acted as a UUID');
    expect(bad.text).toContain('href="#actorId"');
    expect(bad.text).toContain('An entity id has only letters');
    expect(bad.text).not.toContain('<script>');
    const cursor = await observer.page('/oversight/audit?afterSeq=-1&limit=abc');
    expect(cursor.status).toBe(200);
    expect(cursor.text).toContain('<th scope="row">1</th>');
  });

  it('shows a round’s scoresheets with pseudonyms, scores and totals, never a juror’s or applicant’s name, and records the read', async () => {
    const before = await readsBy(cast.observer.user.id);
    const round = await observer.page(`/oversight/rounds/${a.roundId}`);
    expect(round.status).toBe(200);
    const [app0, app1, app2] = await sql<{ reference: string; full_name: string }>(
      `SELECT a.reference, u.full_name FROM applications a JOIN users u ON u.id = a.applicant_id WHERE a.id = ANY($1) ORDER BY a.reference_number`,
      [a.applications.map((x) => x.id)],
    );
    expect(round.text).toContain(app0.reference);
    expect(round.text).toContain(app1.reference);
    expect(round.text).toMatch(/<td class="num">100<\/td>/); // (2·4/4 + 1·5/5) / 3 = 100
    expect(round.text).toMatch(/<td class="num">40<\/td>/); // (2·2/4 + 1·1/5) / 3 = 40
    expect(round.text).toContain('An applicant (name withheld)');
    for (const name of ['Zhanar', 'Secretova', app0.full_name, app1.full_name, app2.full_name])
      expect(round.text).not.toContain(name);
    expect(app2.full_name).toBe('Applicant Ermek No2');
    expect(round.text).not.toContain(cast.juror.user.id);
    const reads = (await readsBy(cast.observer.user.id)).slice(before.length);
    expect(reads.map((r) => r.after.material)).toEqual(['scoresheets', 'conflict_declarations']);
    expect(reads[0].entity_id).toBe(a.roundId);
  });

  it('refuses applicants, jurors, managers and finance with 403, and an unknown round with 404', async () => {
    for (const who of [a.applications[0].applicant, cast.juror, cast.manager, cast.finance]) {
      const client = await signedInClient(ctx, who.user.email, PASSWORD);
      for (const path of [
        '/oversight',
        '/oversight/audit',
        '/oversight/audit/verify',
        `/oversight/rounds/${a.roundId}`,
      ])
        expect([path, (await client.page(path)).status]).toEqual([path, 403]);
    }
    expect((await observer.page('/oversight/rounds/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await observer.page('/oversight/rounds/not-a-uuid')).status).toBe(400);
    const [open] = await sql<{ id: string }>(
      `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, created_by)
       SELECT competition_id, 2, 'Second round', 'open', method, now(), seed, now(), created_by FROM review_rounds WHERE id = $1 RETURNING id`,
      [a.roundId],
    );
    const notClosed = await observer.page(`/oversight/rounds/${open.id}`);
    expect(notClosed.status).toBe(409);
    expect(notClosed.text).toContain('Scoresheets are shown only once the round is closed.');
  });

  it('lets an admin read the log without recording a read', async () => {
    const admin = await signedInClient(ctx, cast.admin.user.email, PASSWORD);
    expect((await admin.page('/oversight/audit')).status).toBe(200);
    expect((await admin.page(`/oversight/rounds/${a.roundId}`)).status).toBe(200);
    expect((await readsBy(cast.admin.user.id)).filter((r) => r.after.material !== 'filler')).toEqual([]);
  });

  it('says the chain holds, and after a row is tampered with in SQL, where it first breaks', async () => {
    const holds = await observer.page('/oversight/audit/verify');
    expect(holds.status).toBe(200);
    expect(holds.text).toContain('The chain holds');
    const [victim] = await sql<{ seq: string }>(
      `SELECT seq FROM audit_events WHERE entity_type = 'competition' ORDER BY seq LIMIT 1`,
    );
    await ctx.dataSource.transaction(async (em) => {
      await em.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await em.query(`UPDATE audit_events SET after = '{"forged": true}' WHERE seq = $1`, [victim.seq]);
      await em.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    });
    const broken = await observer.page('/oversight/audit/verify');
    expect(broken.status).toBe(200);
    expect(broken.text).toContain(`The chain breaks at event no. ${victim.seq}.`);
    expect(broken.text).toContain('its hash does not match');
  });
});
