import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationOutbox1795362573240 implements MigrationInterface {
  name = 'CreateNotificationOutbox1795362573240';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_account_tokens_purpose" CHECK (purpose IN ('confirm_email','reset_password')), CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_account_tokens_user" ON "account_tokens"  ("user_id", "purpose") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "type" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}'::jsonb, "dedupe_key" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "generation" integer NOT NULL DEFAULT '0', "relay_attempts" integer NOT NULL DEFAULT '0', "send_attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "queued_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "language" text, "provider_message_id" text, "provider_response" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_notifications_status" CHECK (status IN ('pending','claimed','queued','sending','sent','failed')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_notifications_recipient" ON "notifications"  ("recipient_id", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IX_notifications_due" ON "notifications"  ("status", "available_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notifications_dedupe_key" ON "notifications"  ("dedupe_key") `);
    await queryRunner.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_account_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_notifications_recipient" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_notifications_recipient"`);
    await queryRunner.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_account_tokens_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notifications_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."IX_notifications_due"`);
    await queryRunner.query(`DROP INDEX "public"."IX_notifications_recipient"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IX_account_tokens_user"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
  }
}
