import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions of signed-in browsers for the web pages (the JSON API keeps its bearer tokens). */
export class CreateBrowserSessions1796567687338 implements MigrationInterface {
  name = 'CreateBrowserSessions1796567687338';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "browser_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "secret_hash" text NOT NULL, "user_agent" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_62bb0057d5bf51b68d790563ba3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_browser_sessions_user" ON "browser_sessions" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_browser_sessions_secret" ON "browser_sessions" ("secret_hash") `);
    await queryRunner.query(
      `ALTER TABLE "browser_sessions" ADD CONSTRAINT "FK_browser_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "browser_sessions" DROP CONSTRAINT "FK_browser_sessions_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_browser_sessions_secret"`);
    await queryRunner.query(`DROP INDEX "public"."IX_browser_sessions_user"`);
    await queryRunner.query(`DROP TABLE "browser_sessions"`);
  }
}
