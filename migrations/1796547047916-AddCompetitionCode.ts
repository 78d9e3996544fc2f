import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competitions get a short code, unique across the service, for application references such as
 * SU-TUP-2026-0042. Existing competitions get C001, C002, ... in the order they were created (a
 * draft's manager can still replace it). References already given keep their value: those in the
 * old form SU-2026-0001 may repeat across competitions, so the new unique index leaves them out.
 */
export class AddCompetitionCode1796547047916 implements MigrationInterface {
  name = 'AddCompetitionCode1796547047916';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competitions" ADD "code" text`);
    await queryRunner.query(
      `UPDATE "competitions" c SET "code" = 'C' || lpad(o.n::text, greatest(3, length(o.n::text)), '0')
         FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM "competitions") o
        WHERE o.id = c.id`,
    );
    await queryRunner.query(`ALTER TABLE "competitions" ALTER COLUMN "code" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "competitions" ADD CONSTRAINT "CK_competitions_code" CHECK (code ~ '^[A-Z][A-Z0-9]{1,7}$')`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_competitions_code" ON "competitions" ("code") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_applications_reference_global" ON "applications" ("reference") WHERE reference IS NOT NULL AND reference !~ '^SU-[0-9]{4}-[0-9]+$'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_applications_reference_global"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_competitions_code"`);
    await queryRunner.query(`ALTER TABLE "competitions" DROP CONSTRAINT "CK_competitions_code"`);
    await queryRunner.query(`ALTER TABLE "competitions" DROP COLUMN "code"`);
  }
}
