import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApplications1795365266731 implements MigrationInterface {
  name = 'CreateApplications1795365266731';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_goals" ("application_id" uuid NOT NULL, "goal_id" uuid NOT NULL, "position" integer NOT NULL, "contribution" text NOT NULL DEFAULT '', CONSTRAINT "PK_49a0d239108c7903403163aa2d8" PRIMARY KEY ("application_id", "goal_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "budget_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "position" integer NOT NULL, "category" text NOT NULL, "description" text NOT NULL DEFAULT '', "amount" bigint NOT NULL, "source" text NOT NULL, CONSTRAINT "CK_budget_lines_source" CHECK (source IN ('grant','own')), CONSTRAINT "CK_budget_lines_amount" CHECK (amount > 0), CONSTRAINT "PK_4eabf9c9d7c8edc9ad302270c94" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_budget_lines_application" ON "budget_lines"  ("application_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "applicant_id" uuid NOT NULL, "village_id" uuid NOT NULL, "village_reason" text, "status" text NOT NULL DEFAULT 'draft', "reference" text, "reference_number" integer, "title" text NOT NULL DEFAULT '', "summary" text NOT NULL DEFAULT '', "description" text NOT NULL DEFAULT '', "sector" text NOT NULL DEFAULT 'other', "requested_amount" bigint NOT NULL DEFAULT '0', "own_contribution" bigint NOT NULL DEFAULT '0', "jobs_created" integer NOT NULL DEFAULT '0', "planned_start" date, "duration_months" integer, "assisted" boolean NOT NULL DEFAULT false, "created_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdraw_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_applications_submitted_reference" CHECK (status = 'draft' OR (status = 'withdrawn' AND submitted_at IS NULL) OR reference IS NOT NULL), CONSTRAINT "CK_applications_amounts" CHECK (requested_amount >= 0 AND own_contribution >= 0), CONSTRAINT "CK_applications_sector" CHECK (sector IN ('agriculture','tourism','crafts','services','trade','processing','other')), CONSTRAINT "CK_applications_status" CHECK (status IN ('draft','submitted','eligible','ineligible','in_review','shortlisted','awarded','not_awarded','withdrawn')), CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_applications_applicant" ON "applications"  ("applicant_id", "competition_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_applications_competition_status" ON "applications"  ("competition_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_applications_reference" ON "applications"  ("competition_id", "reference_number") WHERE reference_number IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "application_snapshots" ("application_id" uuid NOT NULL, "content" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f06909049cf73f9c9ff6ac7e580" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "application_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "actor_id" uuid, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2db91ce19dcab12854254fefb77" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_application_status_changes_application" ON "application_status_changes"  ("application_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "application_reference_counters" ("competition_id" uuid NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_35b4c6270b5c18a5c3f3a3dbff7" PRIMARY KEY ("competition_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_goals" ADD CONSTRAINT "FK_application_goals_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_goals" ADD CONSTRAINT "FK_application_goals_goal" FOREIGN KEY ("goal_id") REFERENCES "plan_goals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_lines" ADD CONSTRAINT "FK_budget_lines_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_applications_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_applications_applicant" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_applications_village" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_snapshots" ADD CONSTRAINT "FK_application_snapshots_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_status_changes" ADD CONSTRAINT "FK_application_status_changes_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_reference_counters" ADD CONSTRAINT "FK_application_reference_counters_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: what jurors see is frozen; a submitted snapshot is never changed or removed.
    await queryRunner.query(`CREATE FUNCTION application_snapshots_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'application_snapshots are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
        $$`);
    await queryRunner.query(
      `CREATE TRIGGER application_snapshots_immutable BEFORE UPDATE OR DELETE ON "application_snapshots" FOR EACH ROW EXECUTE FUNCTION application_snapshots_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER application_snapshots_immutable ON "application_snapshots"`);
    await queryRunner.query(`DROP FUNCTION application_snapshots_refuse_change()`);
    await queryRunner.query(
      `ALTER TABLE "application_reference_counters" DROP CONSTRAINT "FK_application_reference_counters_competition"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_status_changes" DROP CONSTRAINT "FK_application_status_changes_application"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_snapshots" DROP CONSTRAINT "FK_application_snapshots_application"`,
    );
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_applications_village"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_applications_applicant"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_applications_competition"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "FK_budget_lines_application"`);
    await queryRunner.query(`ALTER TABLE "application_goals" DROP CONSTRAINT "FK_application_goals_goal"`);
    await queryRunner.query(`ALTER TABLE "application_goals" DROP CONSTRAINT "FK_application_goals_application"`);
    await queryRunner.query(`DROP TABLE "application_reference_counters"`);
    await queryRunner.query(`DROP INDEX "public"."IX_application_status_changes_application"`);
    await queryRunner.query(`DROP TABLE "application_status_changes"`);
    await queryRunner.query(`DROP TABLE "application_snapshots"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_applications_reference"`);
    await queryRunner.query(`DROP INDEX "public"."IX_applications_competition_status"`);
    await queryRunner.query(`DROP INDEX "public"."IX_applications_applicant"`);
    await queryRunner.query(`DROP TABLE "applications"`);
    await queryRunner.query(`DROP INDEX "public"."IX_budget_lines_application"`);
    await queryRunner.query(`DROP TABLE "budget_lines"`);
    await queryRunner.query(`DROP TABLE "application_goals"`);
  }
}
