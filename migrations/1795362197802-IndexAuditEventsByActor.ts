import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexAuditEventsByActor1795362197802 implements MigrationInterface {
  name = 'IndexAuditEventsByActor1795362197802';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IX_audit_events_actor" ON "audit_events"  ("actor_id", "seq") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IX_audit_events_actor"`);
  }
}
