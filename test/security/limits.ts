import { readdir } from 'node:fs/promises';
import { deflateSync, gzipSync } from 'node:zlib';
import { FORM_PARAMETER_LIMIT } from '../../src/configure-app';
import type { Test } from 'supertest';
import { expectError } from '../helpers/assertions';
import { samplePdf } from '../helpers/sample-files';
import { fingerprint } from './fingerprint';
import { ROUTE_TABLE } from './route-table';
import { SecurityEnv } from './world';

/** ATTACHMENT_MAX_BYTES of the app these tests run against. */
export const MAX_FILE = 4096;
const KB = 1024;

/** Request bodies, uploads and page sizes larger than the service allows (BODY_LIMIT is 100kb). */
export function limitTests(env: SecurityEnv): void {
  describe('limits', () => {
    const http = () => env.ctx.http();
    /** Sends the bytes as they are (supertest would serialise a Buffer under a JSON content type). */
    const raw = (req: Test, bytes: Buffer, headers: Record<string, string>) =>
      req
        .set({ 'Content-Type': 'application/json', ...headers })
        .serialize((b: unknown) => b as string)
        .send(bytes as unknown as string);
    const storedFiles = async () =>
      (await readdir(env.ctx.config.attachmentDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
        .length;

    it('refuses a JSON or form body over the limit with 413 REQUEST.TOO_LARGE, on public and protected routes, changing nothing', async () => {
      const before = await fingerprint(env.ctx);
      const big = 'x'.repeat(150 * KB);
      const draft = `/api/applications/${env.world.open.draftId}`;
      expectError(
        await http().post('/api/auth/register').send({ email: 'big@example.kz', password: big, fullName: big }),
        413,
        'REQUEST.TOO_LARGE',
      );
      expectError(
        await http().patch(draft).set(env.world.users.applicant.auth).send({ title: 'Big', description: big }),
        413,
        'REQUEST.TOO_LARGE',
      );
      expectError(
        await http().post('/api/auth/login').type('form').send(`email=${big}&password=x`),
        413,
        'REQUEST.TOO_LARGE',
      );
      expectError(
        await http()
          .post('/api/auth/login')
          .type('form')
          .send(Array.from({ length: FORM_PARAMETER_LIMIT + 1 }, (_, i) => `k${i}=1`).join('&')),
        413,
        'REQUEST.TOO_LARGE',
      );
      // Just under the limit, the same body reaches validation: the limit is the configured one.
      expectError(
        await http()
          .patch(draft)
          .set(env.world.users.applicant.auth)
          .send({ description: 'x'.repeat(90 * KB) }),
        400,
        'REQUEST.VALIDATION_FAILED',
        'description',
      );
      expect(await fingerprint(env.ctx)).toEqual(before);
    });

    it('reads compressed bodies under the same limit: a gzip bomb is 413, a broken stream 400, an unknown encoding or charset 415', async () => {
      const login = JSON.stringify({ email: 'nobody@example.kz', password: 'wrong-password' });
      expectError(
        await raw(http().post('/api/auth/login'), gzipSync(login), { 'Content-Encoding': 'gzip' }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      expectError(
        await raw(http().post('/api/auth/login'), deflateSync(login), { 'Content-Encoding': 'deflate' }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
      const bomb = gzipSync(
        Buffer.concat([Buffer.from('{"email":"'), Buffer.alloc(50 * 1024 * KB, 97), Buffer.from('"}')]),
      );
      expect(bomb.length).toBeLessThan(100 * KB);
      expectError(
        await raw(http().post('/api/auth/login'), bomb, { 'Content-Encoding': 'gzip' }),
        413,
        'REQUEST.TOO_LARGE',
      );
      expectError(
        await raw(http().post('/api/auth/login'), Buffer.from('not gzip at all'), { 'Content-Encoding': 'gzip' }),
        400,
        'REQUEST.MALFORMED_BODY',
      );
      expectError(
        await raw(http().post('/api/auth/login'), Buffer.from(login), { 'Content-Encoding': 'compress' }),
        415,
        'REQUEST.UNSUPPORTED_ENCODING',
      );
      expectError(
        await raw(http().post('/api/auth/login'), Buffer.from(login), {
          'Content-Type': 'application/json; charset=iso-8859-1',
        }),
        415,
        'REQUEST.UNSUPPORTED_ENCODING',
      );
      expectError(
        await raw(http().post('/api/auth/login'), Buffer.from('{"email":'), {}),
        400,
        'REQUEST.MALFORMED_JSON',
      );
    });

    it('refuses a JSON body nested beyond any DTO’s depth with 400, not by running out of stack', async () => {
      const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
      const res = await raw(
        http().post('/api/auth/login'),
        Buffer.from(`{"email":${deep(20_000)},"password":"x"}`),
        {},
      );
      expectError(res, 400, 'REQUEST.VALIDATION_FAILED');
      expect(res.body.details.fields[0].problems[0]).toMatch(/levels deep/);
      const nested = `{"a":`.repeat(5000) + '1' + '}'.repeat(5000);
      expectError(
        await raw(
          http().patch(`/api/rounds/${env.world.reviewing.roundId}`).set(env.world.users.manager.auth),
          Buffer.from(`{"advancement":${nested}}`),
          {},
        ),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });

    describe('uploads', () => {
      const uploads = [
        {
          name: 'attachment',
          url: () => `/api/applications/${env.world.open.draftId}/attachments`,
          who: () => env.world.users.applicant,
          table: 'attachments',
        },
        {
          name: 'award file',
          url: () => `/api/awards/${env.world.awarded.awardId}/files`,
          who: () => env.world.users.applicant,
          table: 'award_files',
        },
      ];

      it.each(uploads)(
        'an $name over the size limit is 413 ATTACHMENT.TOO_LARGE and nothing is stored',
        async ({ url, who }) => {
          const [before, files] = [await fingerprint(env.ctx), await storedFiles()];
          const res = await http().post(url()).set(who().auth).attach('file', samplePdf(MAX_FILE), 'too-big.pdf');
          expectError(res, 413, 'ATTACHMENT.TOO_LARGE');
          expect(res.body.details).toEqual({ maxBytes: MAX_FILE });
          expectError(
            await http()
              .post(url())
              .set(who().auth)
              .attach('file', samplePdf(20 * 1024 * KB), 'huge.pdf'),
            413,
            'ATTACHMENT.TOO_LARGE',
          );
          expect([await fingerprint(env.ctx), await storedFiles()]).toEqual([before, files]);
        },
      );

      it.each(uploads)(
        'an $name request with two files, extra fields or another field name is 400, and nothing is stored',
        async ({ url, who }) => {
          const [before, files] = [await fingerprint(env.ctx), await storedFiles()];
          const attempts = [
            http()
              .post(url())
              .set(who().auth)
              .attach('file', samplePdf(), 'a.pdf')
              .attach('file', samplePdf(), 'b.pdf'),
            http().post(url()).set(who().auth).field('status', 'approved').attach('file', samplePdf(), 'a.pdf'),
            http().post(url()).set(who().auth).attach('document', samplePdf(), 'a.pdf'),
          ];
          for (const attempt of attempts) {
            const res = await attempt;
            expect({ status: res.status, code: typeof res.body.code }).toEqual({ status: 400, code: 'string' });
          }
          expect([await fingerprint(env.ctx), await storedFiles()]).toEqual([before, files]);
        },
      );
    });

    describe('page sizes', () => {
      /** Query fields a list needs besides its page. */
      const required: Record<string, Record<string, string>> = { 'GET /api/public/grants/summary': { by: 'region' } };

      beforeAll(async () => {
        // More rows than the largest page in two lists, so that clamping shows in the number of items.
        await env.ctx.dataSource.query(
          `INSERT INTO users (email, password_hash, full_name, roles) SELECT 'bulk-' || g || '@example.kz', 'x', 'Bulk', '{applicant}' FROM generate_series(1, 120) g`,
        );
        await env.ctx.dataSource.query(
          `INSERT INTO villages (district_id, name) SELECT $1, jsonb_build_object('en', 'Bulk ' || g) FROM generate_series(1, 120) g`,
          [env.world.places.spareDistrictId],
        );
      });

      it('every list route with a limit clamps it to its maximum, refuses nonsense with 400, and never fails', async () => {
        const doc = (await http().get('/api/docs-json').expect(200)).body as {
          paths: Record<string, Record<string, { parameters?: { name: string; schema?: { maximum?: number } }[] }>>;
        };
        const lists = Object.entries(doc.paths).flatMap(([path, ops]) =>
          Object.entries(ops).flatMap(([method, op]) => {
            const max = op.parameters?.find((p) => p.name === 'limit')?.schema?.maximum;
            return max === undefined
              ? []
              : [{ key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, max }];
          }),
        );
        expect(lists.length).toBeGreaterThan(10);
        const problems: string[] = [];
        for (const { key, max } of lists) {
          const rule = ROUTE_TABLE[key];
          const params = rule.params?.(env.world) ?? {};
          const url = key.split(' ')[1].replace(/:(\w+)/g, (_, name: string) => params[name]);
          const caller = rule.who === 'public' ? undefined : env.world.users[rule.who[0]];
          for (const limit of [
            '1000000000',
            String(max + 1),
            '99999999999999999999999',
            '-5',
            '0',
            '1e3',
            '2.5',
            'abc',
            '',
          ]) {
            const res = await (caller ? http().get(url).set(caller.auth) : http().get(url)).query({
              ...required[key],
              limit,
            });
            const items = (res.body.items ?? res.body.groups ?? []) as unknown[];
            const clamped =
              res.status === 200 && (res.body.limit === undefined || res.body.limit <= max) && items.length <= max;
            const refused = res.status === 400 && res.body.code === 'REQUEST.VALIDATION_FAILED';
            if (!(clamped || refused) || (/^\d{4,}$/.test(limit) && res.status !== 200))
              problems.push(`${key}?limit=${limit}: ${res.status} ${res.body.code ?? ''}`);
          }
        }
        expect(problems).toEqual([]);
        for (const url of ['/api/users', '/api/villages']) {
          const res = await http().get(url).set(env.world.users.admin.auth).query({ limit: '1000000' }).expect(200);
          expect({ url, limit: res.body.limit, items: res.body.items.length }).toEqual({ url, limit: 100, items: 100 });
        }
      });
    });
  });
}
