import { Logger, Type } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { buildOpenApi } from '../src/configure-app';
import { createValidationPipe } from '../src/common/validation/validation.pipe';
import { AssistedDraftDto, CreateDraftDto, DraftContentDto } from '../src/modules/applications/dto/application.dto';
import { BulkScreeningDto } from '../src/modules/applications/dto/staff.dto';
import { ProposeAwardsDto } from '../src/modules/awards/dto/award.dto';
import { SubmitReportDto } from '../src/modules/awards/dto/report.dto';
import { CreateCompetitionDto, UpdateCompetitionDto } from '../src/modules/competitions/dto/competition.dto';
import {
  CreateDistrictDto,
  CreateRegionDto,
  CreateVillageDto,
  UpdatePlaceDto,
  UpdateVillageDto,
} from '../src/modules/geography/dto/geography.dto';
import { CreatePlanDto, UpdatePlanDto } from '../src/modules/plans/dto/plan.dto';
import { CreateRoundDto, UpdateRoundDto } from '../src/modules/reviews/dto/round.dto';
import { createTestApp, TestContext } from './helpers/test-app';

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}
interface Operation {
  tags?: string[];
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/** Routes that take a `limit` but answer no page, with why. */
const NOT_PAGES = new Set([
  // The audit log pages by cursor (afterSeq), not by offset.
  'GET /api/audit-events',
  // An aggregate over every matching grant; it shares the grants' filter, whose limit and offset it ignores.
  'GET /api/public/grants/summary',
]);

/** Ids that are not always UUIDs, with why. */
const NOT_UUID = new Set([
  // An audit event about many rows names their scope (`all-failed`) instead of one entity.
  'AuditEventDto.entityId',
  'GET /api/audit-events entityId',
]);

/** The DTO behind each request body with nested objects: its examples must pass the same validation as a request. */
const COMPLEX_BODIES: Record<string, Type<unknown>> = {
  CreateRegionDto,
  CreateDistrictDto,
  CreateVillageDto,
  UpdatePlaceDto,
  UpdateVillageDto,
  CreatePlanDto,
  UpdatePlanDto,
  CreateCompetitionDto,
  UpdateCompetitionDto,
  CreateDraftDto,
  AssistedDraftDto,
  DraftContentDto,
  BulkScreeningDto,
  CreateRoundDto,
  UpdateRoundDto,
  ProposeAwardsDto,
  SubmitReportDto,
};

describe('the OpenAPI document', () => {
  let ctx: TestContext;
  let doc: OpenAPIObject;
  let warnings: string[];
  const operations: { key: string; op: Operation }[] = [];
  const schemas = () => doc.components!.schemas as Record<string, Schema>;
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? schemas()[schema.$ref.split('/').pop()!] : schema;
  const isId = (name: string) => name === 'id' || /Id$/.test(name);

  beforeAll(async () => {
    ctx = await createTestApp();
    const warn = jest.spyOn(Logger, 'warn').mockImplementation(() => undefined);
    try {
      doc = buildOpenApi(ctx.app);
      warnings = warn.mock.calls.map((call) => String(call[0]));
    } finally {
      warn.mockRestore();
    }
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops as Record<string, Operation>))
        operations.push({ key: `${method.toUpperCase()} ${path}`, op });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('is served as JSON beside the console', async () => {
    const served = await ctx.http().get('/api/docs-json').expect(200);
    expect(Object.keys(served.body.paths)).toEqual(Object.keys(doc.paths));
  });

  it('names every schema once: Nest warns of no duplicate', () => {
    expect(warnings.filter((w) => w.includes('Duplicate DTO'))).toEqual([]);
  });

  it('describes every tag it uses', () => {
    const described = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));
    const used = [...new Set(operations.flatMap(({ op }) => op.tags ?? []))];
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((tag) => !described.get(tag))).toEqual([]);
  });

  it('gives every id, in paths, queries and schemas, the uuid format', () => {
    const wrong: string[] = [];
    for (const { key, op } of operations)
      for (const p of op.parameters ?? [])
        if (isId(p.name) && p.schema?.format !== 'uuid' && !NOT_UUID.has(`${key} ${p.name}`))
          wrong.push(`${key} ${p.name}`);
    for (const [name, schema] of Object.entries(schemas()))
      for (const [property, value] of Object.entries(schema.properties ?? {}))
        if (isId(property) && value.format !== 'uuid' && !NOT_UUID.has(`${name}.${property}`))
          wrong.push(`${name}.${property}`);
    expect(wrong).toEqual([]);
  });

  it('answers every list with a page: items, total, limit, offset', () => {
    const bare: string[] = [];
    const unpaged: string[] = [];
    let pages = 0;
    for (const { key, op } of operations.filter((o) => o.key.startsWith('GET '))) {
      const schema = resolve(op.responses['200']?.content?.['application/json']?.schema);
      if (schema?.type === 'array') bare.push(key);
      const pagedQuery = op.parameters?.some((p) => p.in === 'query' && p.name === 'limit');
      const isPage = ['items', 'total', 'limit', 'offset'].every((f) => schema?.properties?.[f]);
      if (isPage) pages += 1;
      if (pagedQuery && !isPage && !NOT_PAGES.has(key)) unpaged.push(key);
      if (isPage) {
        expect({ key, total: schema!.properties!.total.type }).toEqual({ key, total: 'integer' });
        expect({ key, items: schema!.properties!.items.type }).toEqual({ key, items: 'array' });
      }
    }
    expect(unpaged).toEqual([]);
    expect(bare).toEqual([]);
    for (const list of [
      'GET /api/competitions/{id}/rounds',
      'GET /api/public/competitions/{id}/rounds',
      'GET /api/reviews/competitions/{id}/applicants',
      'GET /api/applications/mine',
      'GET /api/awards/mine',
      'GET /api/applications/{id}/history',
      'GET /api/applications/{id}/attachments',
      'GET /api/awards/{id}/files',
      'GET /api/awards/{id}/reports',
      'GET /api/awards/{id}/payments',
    ]) {
      const { op } = operations.find((o) => o.key === list)!;
      expect({ list, query: op.parameters?.filter((p) => p.in === 'query').map((p) => p.name) }).toEqual({
        list,
        query: ['limit', 'offset'],
      });
    }
    expect(pages).toBeGreaterThan(15);
  });

  it('documents every field validated as a whole number as an integer', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<{ name: string }, { propertyName: string; name?: string }[]>;
    };
    const wrong: string[] = [];
    let checked = 0;
    for (const [target, metadatas] of storage.validationMetadatas)
      for (const { propertyName, name } of metadatas) {
        const property = schemas()[target.name]?.properties?.[propertyName];
        if (name !== 'isInt' || !property) continue;
        checked += 1;
        if ((property.type === 'array' ? property.items?.type : property.type) !== 'integer')
          wrong.push(`${target.name}.${propertyName}`);
      }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });

  it('lists, for every 4xx answer, the codes it can carry', () => {
    const missing: string[] = [];
    for (const { key, op } of operations)
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith('4')) continue;
        const code = resolve(response.content?.['application/json']?.schema)?.properties?.code;
        if (!code?.enum?.length) missing.push(`${key} ${status}`);
      }
    expect(missing).toEqual([]);
    const responses = operations.find((o) => o.key === 'GET /api/reviews/rounds/{id}/assignments')!.op.responses;
    const codes = (status: string) => responses[status].content!['application/json'].schema!.properties!.code.enum;
    // The controller's role check and the route's own refusal share the 403; the path id adds its 400.
    expect(codes('403')).toEqual(expect.arrayContaining(['AUTH.FORBIDDEN', 'REVIEW.CONFLICTS_NOT_CONFIRMED']));
    expect(codes('400')).toEqual(expect.arrayContaining(['REQUEST.INVALID_ID', 'REQUEST.VALIDATION_FAILED']));
  });

  it('shows an example of every request body with nested objects, and each example is a valid request', async () => {
    const pipe = createValidationPipe();
    const complex = new Set<string>();
    for (const { key, op } of operations) {
      const content = op.requestBody?.content?.['application/json'];
      const name = content?.schema?.$ref?.split('/').pop();
      const schema = resolve(content?.schema);
      const nested = Object.values(schema?.properties ?? {}).some(
        (p) => p.$ref || p.allOf || (p.type === 'array' && (p.items?.$ref || p.items?.type === 'object')),
      );
      if (!nested || !name) continue;
      complex.add(name);
      const examples = Object.values(content!.examples ?? {});
      expect({ key, examples: examples.length }).toEqual({ key, examples: 1 });
      for (const { value } of examples)
        await expect(pipe.transform(value, { type: 'body', metatype: COMPLEX_BODIES[name] })).resolves.toBeDefined();
    }
    expect([...complex].sort()).toEqual(Object.keys(COMPLEX_BODIES).sort());
  });
});
