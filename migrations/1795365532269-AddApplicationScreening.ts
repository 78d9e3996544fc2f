import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddApplicationScreening1795365532269 implements MigrationInterface {
  name = 'AddApplicationScreening1795365532269';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applications" ADD "screening_reason" text`);
    await queryRunner.query(`ALTER TABLE "applications" ADD "screening_note" text`);
    await queryRunner.query(`ALTER TABLE "applications" ADD "screened_by" uuid`);
    await queryRunner.query(`ALTER TABLE "applications" ADD "screened_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "screened_at"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "screened_by"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "screening_note"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "screening_reason"`);
  }
}
