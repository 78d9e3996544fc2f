import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexAuditActions1795378790351 implements MigrationInterface {
  name = 'IndexAuditActions1795378790351';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IX_audit_events_action" ON "audit_events"  ("action", "seq") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_audit_events_action"`);
  }
}
