import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexRoundResultsByApplication1795372129036 implements MigrationInterface {
  name = 'IndexRoundResultsByApplication1795372129036';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IX_round_results_application" ON "round_results"  ("application_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_round_results_application"`);
  }
}
