import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { DtoClass } from './routes';

/** A JSON object kept as its entries, so keys such as `__proto__` survive until they are on the wire. */
export class JsonObject {
  constructor(readonly entries: [string, Json][]) {}
}
export type Json = null | boolean | number | string | Json[] | JsonObject;

export function toJson(value: Json): string {
  if (value instanceof JsonObject)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

/** The properties a DTO validates (its own and inherited), each with the class of its nested DTO if it has one. */
export function propertiesOf(dto: DtoClass): { name: string; nested?: DtoClass }[] {
  const names = [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .map((m) => m.propertyName),
    ),
  ];
  return names.map((name) => {
    const nested = defaultMetadataStorage.findTypeMetadata(dto, name)?.typeFunction() as DtoClass | undefined;
    return nested && typeof nested === 'function' && propertiesOf(nested).length > 0 ? { name, nested } : { name };
  });
}

/** Every class under src that validates input, for the check that each one is fuzzed through some route. */
export async function validatedClasses(srcDir: string): Promise<DtoClass[]> {
  const files = [
    ...readdirSync(join(srcDir, 'modules')).flatMap((m) => {
      const dir = join(srcDir, 'modules', m, 'dto');
      try {
        return readdirSync(dir).map((f) => join(dir, f));
      } catch {
        return [];
      }
    }),
    ...readdirSync(join(srcDir, 'common'), { recursive: true, encoding: 'utf8' }).map((f) => join(srcDir, 'common', f)),
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
  const modules = (await Promise.all(files.map((f) => import(f)))) as Record<string, unknown>[];
  const classes = modules
    .flatMap((m) => Object.values(m))
    .filter((v): v is DtoClass => typeof v === 'function' && /^class\s/.test(String(v)));
  return [...new Set(classes)].filter(
    (c) => getMetadataStorage().getTargetValidationMetadatas(c, '', true, false).length > 0,
  );
}

/** The DTO classes a set of top-level DTOs reaches: themselves, the classes they extend and their nested DTOs. */
export function reachableClasses(roots: DtoClass[]): Set<DtoClass> {
  const seen = new Set<DtoClass>();
  const visit = (c: DtoClass | undefined) => {
    if (!c || c === Object || seen.has(c) || typeof c !== 'function' || c === Function.prototype) return;
    seen.add(c);
    visit(Object.getPrototypeOf(c) as DtoClass);
    for (const p of propertiesOf(c)) visit(p.nested);
  };
  roots.forEach(visit);
  return seen;
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const nastyKey = fc.constantFrom(
  ...PROTOTYPE_KEYS,
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '',
  ' ',
  'status',
  'id',
  'roles',
  'approvedBy',
  '$where',
  'a.b',
  '0',
);
const text = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    'x'.repeat(30_000),
    '1e309',
    '-0',
    '99999999999999999999',
    '0x10',
    ' 12 ',
    '2026-02-30',
    '2026-13-01T00:00:00Z',
    'NaN',
    '00000000-0000-0000-0000-000000000000',
    '\u202e',
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
  ),
);
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 2 ** 63, 1.5),
);
const scalar: fc.Arbitrary<Json> = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const key = fc.oneof(fc.string({ maxLength: 10 }), nastyKey);

/** Any JSON value, a few levels deep, with awkward strings, numbers and keys. */
export const junk: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => new JsonObject(entries)),
  ),
})).value;

/** Objects shaped like the DTO: some of its fields, each holding junk or (for nested DTOs) something shaped like them. */
export function shaped(dto: DtoClass, depth = 0): fc.Arbitrary<JsonObject> {
  const props = propertiesOf(dto);
  const valueFor = (p: { nested?: DtoClass }): fc.Arbitrary<Json> =>
    p.nested && depth < 2
      ? fc.oneof(junk, shaped(p.nested, depth + 1), fc.array(shaped(p.nested, depth + 1), { maxLength: 3 }))
      : junk;
  return fc
    .subarray(props)
    .chain((chosen) =>
      fc
        .tuple(...chosen.map(valueFor))
        .map((values) => new JsonObject(chosen.map((p, i) => [p.name, values[i]] as [string, Json]))),
    );
}

/**
 * Input the DTO must refuse: its shape with a field it does not have (prototype keys included),
 * with NUL in one of its strings, or not an object at all. Never valid by accident.
 */
export function badInput(dto: DtoClass): fc.Arbitrary<Json> {
  const known = new Set(propertiesOf(dto).map((p) => p.name));
  const unknownKey = key.filter((k) => !known.has(k));
  const insert = (o: JsonObject, entry: [string, Json], at: number) =>
    new JsonObject([...o.entries.slice(0, at), entry, ...o.entries.slice(at)]);
  const withUnknownField = fc
    .tuple(shaped(dto), unknownKey, junk, fc.nat())
    .map(([o, k, v, at]) => insert(o, [k, v], at % (o.entries.length + 1)));
  const notAnObject = junk.filter((j) => !(j instanceof JsonObject));
  if (known.size === 0) return fc.oneof(withUnknownField, notAnObject);
  const withNul = fc
    .tuple(shaped(dto), fc.constantFrom(...known), fc.string({ maxLength: 8 }))
    .map(([o, k, s]) => new JsonObject([...o.entries.filter(([n]) => n !== k), [k, `${s}\u0000`]]));
  return fc.oneof(withUnknownField, withNul, notAnObject);
}

/** A query string the DTO must refuse: some of its fields with odd values, plus one it does not have. */
export function badQuery(dto: DtoClass): fc.Arbitrary<string> {
  const known = [...new Set(propertiesOf(dto).map((p) => p.name))];
  // Not the 30 kB strings: a URL that long is refused by Node's HTTP parser (431) before the app sees it.
  const value = fc.oneof(
    text.filter((t) => t.length < 2000),
    fc.constant('y'.repeat(1500)),
    number.map(String),
    fc.constantFrom('', 'true', '[]', '{}', '%', '1,2'),
  );
  const unknownKey = key.filter((k) => k !== '' && !known.includes(k));
  return fc
    .tuple(fc.subarray(known), unknownKey, value)
    .chain(([names, extra, extraValue]) =>
      fc
        .tuple(...names.map(() => fc.array(value, { minLength: 1, maxLength: 2 })))
        .map((values) => [...names.flatMap((n, i) => values[i].map((v) => [n, v])), [extra, extraValue]]),
    )
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
}
