import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Content staff write becomes per language (DESIGN.md section 12): a jsonb object {kk?, ru?, en?}
 * with at least one non-empty text, checked by is_localized_text(). Each existing value becomes the
 * Russian text, except the three default tranche labels, which get all three languages. Optional
 * descriptions that were '' become NULL (no description). Names stay unique per language within
 * their parent. Nested content (the award rules' tranche template, the rubric in a round's method)
 * is converted the same way; application snapshots are immutable and keep what they hold.
 *
 * Frozen with this migration: the SQL here is not shared with the entities on purpose.
 */
const DEFAULT_LABELS: Record<string, { kk: string; ru: string; en: string }> = {
  'On signing': { kk: 'Шартқа қол қойылғанда', ru: 'При подписании договора', en: 'On signing' },
  'Mid-term report': { kk: 'Аралық есеп', ru: 'Промежуточный отчёт', en: 'Mid-term report' },
  'Final report': { kk: 'Қорытынды есеп', ru: 'Итоговый отчёт', en: 'Final report' },
};

const literal = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, "''")}'::jsonb`;

/** A text expression as a translations object: the default labels in full, anything else as ru. */
const labelSql = (text: string) =>
  `CASE ${text} ${Object.entries(DEFAULT_LABELS)
    .map(([en, all]) => `WHEN '${en}' THEN ${literal(all)}`)
    .join(' ')} ELSE jsonb_build_object('ru', ${text}) END`;

/** Back: the Russian text, else any given. */
const backSql = (json: string) => `coalesce(${json}->>'ru', ${json}->>'kk', ${json}->>'en', '')`;
/** Back for tranche labels: the English default labels return as they were. */
const labelBackSql = (json: string) =>
  `CASE ${Object.entries(DEFAULT_LABELS)
    .map(([en, all]) => `WHEN ${json} = ${literal(all)} THEN '${en}'`)
    .join(' ')} ELSE ${backSql(json)} END`;

const NEW_AWARD_RULES_DEFAULT = {
  trancheTemplate: [
    { label: DEFAULT_LABELS['On signing'], shareBp: 5000, reportRequired: false, dueDays: null },
    { label: DEFAULT_LABELS['Mid-term report'], shareBp: 3000, reportRequired: true, dueDays: 180 },
    { label: DEFAULT_LABELS['Final report'], shareBp: 2000, reportRequired: true, dueDays: 365 },
  ],
  floors: [],
  partialMinShareBp: null,
  acceptanceDays: 14,
};
const OLD_AWARD_RULES_DEFAULT = `'{"trancheTemplate":[{"label":"On signing","shareBp":5000,"reportRequired":false,"dueDays":null},{"label":"Mid-term report","shareBp":3000,"reportRequired":true,"dueDays":180},{"label":"Final report","shareBp":2000,"reportRequired":true,"dueDays":365}],"floors":[],"partialMinShareBp":null,"acceptanceDays":14}'`;

const REQUIRED = [
  ['regions', 'name'],
  ['districts', 'name'],
  ['villages', 'name'],
  ['competitions', 'title'],
  ['plan_goals', 'title'],
] as const;
const OPTIONAL = [
  ['competitions', 'description'],
  ['plan_goals', 'description'],
] as const;
const NAMES = [
  ['regions', 'UQ_regions_name', []],
  ['districts', 'UQ_districts_region_name', ['region_id']],
  ['villages', 'UQ_villages_district_name', ['district_id']],
] as const;
const LANGUAGES = ['kk', 'ru', 'en'];

/** Rewrites each element of a jsonb array at `path` of `column` with `element` (which reads `e`). */
const mapArraySql = (column: string, path: string, element: string) =>
  `jsonb_set(${column}, '{${path}}', (SELECT coalesce(jsonb_agg(${element} ORDER BY i), '[]'::jsonb)
     FROM jsonb_array_elements(${column}->'${path}') WITH ORDINALITY AS x(e, i)))`;

export class TranslateStaffContent1796567715936 implements MigrationInterface {
  name = 'TranslateStaffContent1796567715936';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION is_localized_text(value jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN jsonb_typeof(value) <> 'object' THEN false
        ELSE value - 'kk' - 'ru' - 'en' = '{}'::jsonb AND value <> '{}'::jsonb
          AND NOT EXISTS (SELECT 1 FROM jsonb_each(value) e
                           WHERE jsonb_typeof(e.value) <> 'string' OR btrim(e.value #>> '{}') = '') END
    $$`);
    for (const [, index] of NAMES) await queryRunner.query(`DROP INDEX "public"."${index}"`);
    for (const [table, column] of REQUIRED) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE jsonb USING jsonb_build_object('ru', "${column}")`,
      );
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "CK_${table}_${column}" CHECK (is_localized_text("${column}"))`,
      );
    }
    for (const [table, column] of OPTIONAL) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" DROP DEFAULT`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" DROP NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE jsonb
           USING CASE WHEN btrim("${column}") = '' THEN NULL ELSE jsonb_build_object('ru', "${column}") END`,
      );
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "CK_${table}_${column}" CHECK (is_localized_text("${column}"))`,
      );
    }
    for (const [table, , parents] of NAMES) {
      for (const lang of LANGUAGES) {
        const columns = [...parents.map((p) => `"${p}"`), `("name"->>'${lang}')`].join(', ');
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_${table}_name_${lang}" ON "${table}" (${columns})`);
      }
    }
    await queryRunner.query(`ALTER TABLE "tranches" ALTER COLUMN "label" TYPE jsonb USING ${labelSql('"label"')}`);
    await queryRunner.query(
      `ALTER TABLE "tranches" ADD CONSTRAINT "CK_tranches_label" CHECK (is_localized_text("label"))`,
    );
    await queryRunner.query(
      `UPDATE "competitions" SET "award_rules" = ${mapArraySql('"award_rules"', 'trancheTemplate', `jsonb_set(e, '{label}', ${labelSql(`(e->>'label')`)})`)}
        WHERE jsonb_typeof("award_rules"->'trancheTemplate') = 'array'`,
    );
    await queryRunner.query(
      `ALTER TABLE "competitions" ALTER COLUMN "award_rules" SET DEFAULT ${literal(NEW_AWARD_RULES_DEFAULT)}`,
    );
    const criterion = `(e - 'title' - 'description' - 'descriptors')
        || jsonb_build_object('title', jsonb_build_object('ru', e->>'title'),
             'descriptors', (SELECT coalesce(jsonb_agg(CASE WHEN btrim(d #>> '{}') = '' THEN '{}'::jsonb
                                                           ELSE jsonb_build_object('ru', d #>> '{}') END ORDER BY j), '[]'::jsonb)
                               FROM jsonb_array_elements(e->'descriptors') WITH ORDINALITY AS y(d, j)))
        || CASE WHEN coalesce(btrim(e->>'description'), '') = '' THEN '{}'::jsonb
                ELSE jsonb_build_object('description', jsonb_build_object('ru', e->>'description')) END`;
    await queryRunner.query(
      `UPDATE "review_rounds" SET "method" = ${mapArraySql('"method"', 'criteria', criterion)}
        WHERE jsonb_typeof("method"->'criteria') = 'array'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const criterion = `(e - 'title' - 'description' - 'descriptors')
        || jsonb_build_object('title', ${backSql(`(e->'title')`)},
             'description', CASE WHEN e->'description' IS NULL THEN '' ELSE ${backSql(`(e->'description')`)} END,
             'descriptors', (SELECT coalesce(jsonb_agg(${backSql('d')} ORDER BY j), '[]'::jsonb)
                               FROM jsonb_array_elements(e->'descriptors') WITH ORDINALITY AS y(d, j)))`;
    await queryRunner.query(
      `UPDATE "review_rounds" SET "method" = ${mapArraySql('"method"', 'criteria', criterion)}
        WHERE jsonb_typeof("method"->'criteria') = 'array'`,
    );
    await queryRunner.query(
      `ALTER TABLE "competitions" ALTER COLUMN "award_rules" SET DEFAULT ${OLD_AWARD_RULES_DEFAULT}`,
    );
    await queryRunner.query(
      `UPDATE "competitions" SET "award_rules" = ${mapArraySql('"award_rules"', 'trancheTemplate', `jsonb_set(e, '{label}', to_jsonb(${labelBackSql(`(e->'label')`)}))`)}
        WHERE jsonb_typeof("award_rules"->'trancheTemplate') = 'array'`,
    );
    await queryRunner.query(`ALTER TABLE "tranches" DROP CONSTRAINT "CK_tranches_label"`);
    await queryRunner.query(`ALTER TABLE "tranches" ALTER COLUMN "label" TYPE text USING ${labelBackSql('"label"')}`);
    for (const [table] of NAMES) {
      for (const lang of LANGUAGES) await queryRunner.query(`DROP INDEX "public"."UQ_${table}_name_${lang}"`);
    }
    for (const [table, column] of OPTIONAL) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "CK_${table}_${column}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE text USING CASE WHEN "${column}" IS NULL THEN '' ELSE ${backSql(`"${column}"`)} END`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET NOT NULL`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DEFAULT ''`);
    }
    for (const [table, column] of REQUIRED) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "CK_${table}_${column}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE text USING ${backSql(`"${column}"`)}`,
      );
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_regions_name" ON "regions" ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_districts_region_name" ON "districts" ("region_id", "name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_villages_district_name" ON "villages" ("district_id", "name") `);
    await queryRunner.query(`DROP FUNCTION is_localized_text(jsonb)`);
  }
}
