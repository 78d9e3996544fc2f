import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAwards1795375050203 implements MigrationInterface {
  name = 'CreateAwards1795375050203';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "awards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "application_id" uuid NOT NULL, "round_id" uuid NOT NULL, "rank" integer, "amount" bigint NOT NULL, "requested" bigint NOT NULL, "status" text NOT NULL DEFAULT 'proposed', "proposed_by" uuid NOT NULL, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "respond_by" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, "comment" text, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_awards_four_eyes" CHECK (approved_by IS NULL OR approved_by <> proposed_by), CONSTRAINT "CK_awards_amount" CHECK (amount > 0 AND amount <= requested), CONSTRAINT "CK_awards_status" CHECK (status IN ('proposed','approved','accepted','active','completed','declined','cancelled')), CONSTRAINT "PK_bc3f6adc548ff46c76c03e06377" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_awards_respond_by" ON "awards"  ("respond_by") WHERE status = 'approved'`,
    );
    await queryRunner.query(`CREATE INDEX "IX_awards_competition_status" ON "awards"  ("competition_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_awards_live_application" ON "awards"  ("application_id") WHERE status NOT IN ('declined','cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "award_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "storage_key" text NOT NULL, "original_name" text NOT NULL, "media_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_award_files_size" CHECK (size > 0), CONSTRAINT "CK_award_files_media_type" CHECK (media_type IN ('application/pdf','image/png','image/jpeg','application/vnd.openxmlformats-officedocument.wordprocessingml.document','application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')), CONSTRAINT "PK_321330728dbff28f0a0552eb94d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_award_files_storage_key" ON "award_files"  ("storage_key") `);
    await queryRunner.query(`CREATE INDEX "IX_award_files_award" ON "award_files"  ("award_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "tranches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "position" integer NOT NULL, "label" text NOT NULL, "report_required" boolean NOT NULL, "due_days" integer, "due_at" TIMESTAMP WITH TIME ZONE, "amount" bigint NOT NULL, "status" text NOT NULL DEFAULT 'planned', "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_tranches_position" CHECK (position >= 1), CONSTRAINT "CK_tranches_amount" CHECK (amount > 0), CONSTRAINT "CK_tranches_status" CHECK (status IN ('planned','requested','returned','approved','paid')), CONSTRAINT "PK_2f1264902f127d0af854ceb61a8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_tranches_due" ON "tranches"  ("due_at") WHERE status IN ('planned','returned') AND report_required`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_tranches_award_position" ON "tranches"  ("award_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "milestone_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tranche_id" uuid NOT NULL, "award_id" uuid NOT NULL, "body" text NOT NULL, "jobs_created" integer NOT NULL, "spending" jsonb NOT NULL DEFAULT '[]', "file_ids" uuid array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'submitted', "submitted_by" uuid NOT NULL, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_milestone_reports_jobs" CHECK (jobs_created >= 0), CONSTRAINT "CK_milestone_reports_status" CHECK (status IN ('submitted','approved','returned')), CONSTRAINT "PK_8fec3365d730e8482a292c6bb3c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_milestone_reports_award" ON "milestone_reports"  ("award_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_milestone_reports_pending" ON "milestone_reports"  ("tranche_id") WHERE status = 'submitted'`,
    );
    await queryRunner.query(
      `CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tranche_id" uuid NOT NULL, "award_id" uuid NOT NULL, "amount" bigint NOT NULL, "bank_reference" text NOT NULL, "paid_on" date NOT NULL, "status" text NOT NULL DEFAULT 'recorded', "recorded_by" uuid NOT NULL, "ledger_transaction_id" uuid NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE, "failed_by" uuid, "failure_reason" text, "reversal_transaction_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_payments_failed" CHECK ((status = 'failed') = (failed_at IS NOT NULL)), CONSTRAINT "CK_payments_amount" CHECK (amount > 0), CONSTRAINT "CK_payments_status" CHECK (status IN ('recorded','failed')), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_payments_award" ON "payments"  ("award_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_payments_tranche_recorded" ON "payments"  ("tranche_id") WHERE status = 'recorded'`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("actor_id" uuid NOT NULL, "key" text NOT NULL, "scope" text NOT NULL, "request_hash" text NOT NULL, "response_status" integer NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_idempotency_keys_key" CHECK (char_length(key) BETWEEN 1 AND 200), CONSTRAINT "PK_8a5af0c11ea21dd7a2593421498" PRIMARY KEY ("actor_id", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_idempotency_keys_created" ON "idempotency_keys"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IX_ledger_accounts_competition" ON "ledger_accounts"  ("competition_id") `);
    await queryRunner.query(`ALTER TABLE "competition_envelopes" ADD "committed" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "competitions" ADD "award_rules" jsonb NOT NULL DEFAULT '{"trancheTemplate":[{"label":"On signing","shareBp":5000,"reportRequired":false,"dueDays":null},{"label":"Mid-term report","shareBp":3000,"reportRequired":true,"dueDays":180},{"label":"Final report","shareBp":2000,"reportRequired":true,"dueDays":365}],"floors":[],"partialMinShareBp":null,"acceptanceDays":14}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_envelopes" ADD CONSTRAINT "CK_competition_envelopes_committed" CHECK (committed >= 0 AND committed <= amount)`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "FK_awards_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "FK_awards_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "FK_awards_round" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "FK_awards_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "FK_awards_approved_by" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "award_files" ADD CONSTRAINT "FK_award_files_award" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "award_files" ADD CONSTRAINT "FK_award_files_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tranches" ADD CONSTRAINT "FK_tranches_award" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tranches" ADD CONSTRAINT "FK_tranches_approved_by" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestone_reports" ADD CONSTRAINT "FK_milestone_reports_tranche" FOREIGN KEY ("tranche_id") REFERENCES "tranches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestone_reports" ADD CONSTRAINT "FK_milestone_reports_award" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestone_reports" ADD CONSTRAINT "FK_milestone_reports_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestone_reports" ADD CONSTRAINT "FK_milestone_reports_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_transactions" ADD CONSTRAINT "FK_ledger_transactions_award" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_tranche" FOREIGN KEY ("tranche_id") REFERENCES "tranches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_award" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_ledger_transaction" FOREIGN KEY ("ledger_transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_failed_by" FOREIGN KEY ("failed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_reversal_transaction" FOREIGN KEY ("reversal_transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ADD CONSTRAINT "FK_idempotency_keys_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "FK_ledger_accounts_award" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Rule 8 in the database: an award's tranches add up to it exactly, checked when the
    // transaction that changed either commits (a schedule is rewritten row by row in between).
    await queryRunner.query(`CREATE FUNCTION awards_check_tranches_sum() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE target uuid; total numeric; expected bigint;
            BEGIN
                IF TG_TABLE_NAME = 'awards' THEN target := NEW.id;
                ELSIF TG_OP = 'DELETE' THEN target := OLD.award_id;
                ELSE target := NEW.award_id;
                END IF;
                SELECT amount INTO expected FROM awards WHERE id = target;
                IF expected IS NULL THEN RETURN NULL; END IF;
                SELECT coalesce(sum(amount), 0) INTO total FROM tranches WHERE award_id = target;
                IF total <> expected THEN
                    RAISE EXCEPTION 'the tranches of award % add up to %, not %', target, total, expected USING ERRCODE = 'check_violation', CONSTRAINT = 'CK_awards_tranches_sum';
                END IF;
                RETURN NULL;
            END
        $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER awards_tranches_sum AFTER INSERT OR UPDATE OF amount ON "awards" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION awards_check_tranches_sum()`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER tranches_sum AFTER INSERT OR UPDATE OF amount, award_id OR DELETE ON "tranches" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION awards_check_tranches_sum()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tranches_sum ON "tranches"`);
    await queryRunner.query(`DROP TRIGGER awards_tranches_sum ON "awards"`);
    await queryRunner.query(`DROP FUNCTION awards_check_tranches_sum()`);
    await queryRunner.query(`DROP INDEX "public"."IX_ledger_accounts_competition"`);
    await queryRunner.query(`ALTER TABLE "ledger_accounts" DROP CONSTRAINT "FK_ledger_accounts_award"`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" DROP CONSTRAINT "FK_idempotency_keys_actor"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_reversal_transaction"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_failed_by"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_ledger_transaction"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_award"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_tranche"`);
    await queryRunner.query(`ALTER TABLE "ledger_transactions" DROP CONSTRAINT "FK_ledger_transactions_award"`);
    await queryRunner.query(`ALTER TABLE "milestone_reports" DROP CONSTRAINT "FK_milestone_reports_reviewed_by"`);
    await queryRunner.query(`ALTER TABLE "milestone_reports" DROP CONSTRAINT "FK_milestone_reports_submitted_by"`);
    await queryRunner.query(`ALTER TABLE "milestone_reports" DROP CONSTRAINT "FK_milestone_reports_award"`);
    await queryRunner.query(`ALTER TABLE "milestone_reports" DROP CONSTRAINT "FK_milestone_reports_tranche"`);
    await queryRunner.query(`ALTER TABLE "tranches" DROP CONSTRAINT "FK_tranches_approved_by"`);
    await queryRunner.query(`ALTER TABLE "tranches" DROP CONSTRAINT "FK_tranches_award"`);
    await queryRunner.query(`ALTER TABLE "award_files" DROP CONSTRAINT "FK_award_files_uploaded_by"`);
    await queryRunner.query(`ALTER TABLE "award_files" DROP CONSTRAINT "FK_award_files_award"`);
    await queryRunner.query(`ALTER TABLE "awards" DROP CONSTRAINT "FK_awards_approved_by"`);
    await queryRunner.query(`ALTER TABLE "awards" DROP CONSTRAINT "FK_awards_proposed_by"`);
    await queryRunner.query(`ALTER TABLE "awards" DROP CONSTRAINT "FK_awards_round"`);
    await queryRunner.query(`ALTER TABLE "awards" DROP CONSTRAINT "FK_awards_application"`);
    await queryRunner.query(`ALTER TABLE "awards" DROP CONSTRAINT "FK_awards_competition"`);
    await queryRunner.query(`ALTER TABLE "competition_envelopes" DROP CONSTRAINT "CK_competition_envelopes_committed"`);
    await queryRunner.query(`ALTER TABLE "competitions" DROP COLUMN "award_rules"`);
    await queryRunner.query(`ALTER TABLE "competition_envelopes" DROP COLUMN "committed"`);
    await queryRunner.query(`DROP INDEX "public"."IX_idempotency_keys_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_payments_tranche_recorded"`);
    await queryRunner.query(`DROP INDEX "public"."IX_payments_award"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_milestone_reports_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IX_milestone_reports_award"`);
    await queryRunner.query(`DROP TABLE "milestone_reports"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_tranches_award_position"`);
    await queryRunner.query(`DROP INDEX "public"."IX_tranches_due"`);
    await queryRunner.query(`DROP TABLE "tranches"`);
    await queryRunner.query(`DROP INDEX "public"."IX_award_files_award"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_award_files_storage_key"`);
    await queryRunner.query(`DROP TABLE "award_files"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_awards_live_application"`);
    await queryRunner.query(`DROP INDEX "public"."IX_awards_competition_status"`);
    await queryRunner.query(`DROP INDEX "public"."IX_awards_respond_by"`);
    await queryRunner.query(`DROP TABLE "awards"`);
  }
}
