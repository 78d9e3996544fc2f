import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexApplicationsBySubmission1795367140723 implements MigrationInterface {
  name = 'IndexApplicationsBySubmission1795367140723';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IX_applications_competition_submitted" ON "applications"  ("competition_id", "submitted_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_applications_competition_submitted"`);
  }
}
