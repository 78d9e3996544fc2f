import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviews1795368839369 implements MigrationInterface {
  name = 'CreateReviews1795368839369';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "position" integer NOT NULL, "name" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "method" jsonb NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "seed" text, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "finalized_at" TIMESTAMP WITH TIME ZONE, "finalize_requested_at" TIMESTAMP WITH TIME ZONE, "summary" jsonb, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_review_rounds_seed" CHECK (status = 'draft' OR seed IS NOT NULL), CONSTRAINT "CK_review_rounds_status" CHECK (status IN ('draft','open','closed','finalized')), CONSTRAINT "PK_af804477416b76c82c10774be17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_review_rounds_competition_position" ON "review_rounds"  ("competition_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assignment_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'queued', "trigger" text NOT NULL, "seed" bigint, "input_hash" text, "objective" bigint, "duration_ms" integer, "assigned" integer NOT NULL DEFAULT '0', "details" jsonb, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CK_assignment_runs_status" CHECK (status IN ('queued','succeeded','infeasible')), CONSTRAINT "PK_2193b071f07a800100bed59978f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_assignment_runs_round" ON "assignment_runs"  ("round_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "application_id" uuid NOT NULL, "juror_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'active', "source" text NOT NULL, "run_id" uuid, "affinity" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "ended_by" uuid, "end_reason" text, CONSTRAINT "CK_assignments_ended" CHECK ((status = 'active') = (ended_at IS NULL)), CONSTRAINT "CK_assignments_source" CHECK (source IN ('engine','manager')), CONSTRAINT "CK_assignments_status" CHECK (status IN ('active','removed','recused')), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_assignments_round_application" ON "assignments"  ("round_id", "application_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IX_assignments_juror" ON "assignments"  ("juror_id", "round_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assignments_active_pair" ON "assignments"  ("round_id", "application_id", "juror_id") WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE TABLE "competition_jurors" ("competition_id" uuid NOT NULL, "user_id" uuid NOT NULL, "expertise" text array NOT NULL DEFAULT '{}', "home_village_id" uuid, "conflicts_confirmed_at" TIMESTAMP WITH TIME ZONE, "added_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_485c3b9b806f61f68d67896dc8a" PRIMARY KEY ("competition_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_competition_jurors_user" ON "competition_jurors"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "conflict_declarations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "juror_id" uuid NOT NULL, "applicant_id" uuid, "application_id" uuid, "village_id" uuid, "kind" text NOT NULL, "note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_conflict_declarations_target" CHECK (num_nonnulls(applicant_id, application_id, village_id) = 1), CONSTRAINT "CK_conflict_declarations_kind" CHECK (kind IN ('family','business','employment','other')), CONSTRAINT "PK_54773c4de5f8dd35925794876a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_conflict_declarations_juror" ON "conflict_declarations"  ("competition_id", "juror_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "imported_affinities" ("round_id" uuid NOT NULL, "application_id" uuid NOT NULL, "juror_id" uuid NOT NULL, "score" integer NOT NULL, CONSTRAINT "CK_imported_affinities_score" CHECK (score BETWEEN -100 AND 100), CONSTRAINT "PK_dd3a282e013e04318f670566072" PRIMARY KEY ("round_id", "application_id", "juror_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "round_applications" ("round_id" uuid NOT NULL, "application_id" uuid NOT NULL, "alternates" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "PK_9340bd671fa37b507255687772c" PRIMARY KEY ("round_id", "application_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_round_applications_application" ON "round_applications"  ("application_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "round_results" ("round_id" uuid NOT NULL, "application_id" uuid NOT NULL, "count" integer NOT NULL, "totals" jsonb NOT NULL, "official" double precision, "calibrated" double precision, "spread" double precision, "gates_failed" text array NOT NULL, "quorum_met" boolean NOT NULL, "rank" integer, "advanced" boolean NOT NULL, "reason" text NOT NULL, "disputed" boolean NOT NULL, CONSTRAINT "PK_2cba01ebf1aa6ba01339dedba86" PRIMARY KEY ("round_id", "application_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_round_results_rank" ON "round_results"  ("round_id", "rank") `);
    await queryRunner.query(
      `CREATE TABLE "scoresheets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "round_id" uuid NOT NULL, "application_id" uuid NOT NULL, "juror_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "scores" jsonb NOT NULL DEFAULT '{}', "comments" jsonb NOT NULL DEFAULT '{}', "comment" text NOT NULL DEFAULT '', "submitted_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_scoresheets_submitted" CHECK (status <> 'submitted' OR submitted_at IS NOT NULL), CONSTRAINT "CK_scoresheets_status" CHECK (status IN ('draft','submitted','withdrawn')), CONSTRAINT "PK_49afc788670ab6b747607eccaa5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_scoresheets_round" ON "scoresheets"  ("round_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_scoresheets_assignment" ON "scoresheets"  ("assignment_id") `);
    await queryRunner.query(`ALTER TABLE "attachments" ADD "identifying" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "review_rounds" ADD CONSTRAINT "FK_review_rounds_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_rounds" ADD CONSTRAINT "FK_review_rounds_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment_runs" ADD CONSTRAINT "FK_assignment_runs_round" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_assignments_round" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_assignments_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_assignments_juror" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_assignments_run" FOREIGN KEY ("run_id") REFERENCES "assignment_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_jurors" ADD CONSTRAINT "FK_competition_jurors_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_jurors" ADD CONSTRAINT "FK_competition_jurors_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_jurors" ADD CONSTRAINT "FK_competition_jurors_village" FOREIGN KEY ("home_village_id") REFERENCES "villages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_conflict_declarations_juror" FOREIGN KEY ("competition_id", "juror_id") REFERENCES "competition_jurors"("competition_id","user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_conflict_declarations_applicant" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_conflict_declarations_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_conflict_declarations_village" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imported_affinities" ADD CONSTRAINT "FK_imported_affinities_round" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imported_affinities" ADD CONSTRAINT "FK_imported_affinities_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imported_affinities" ADD CONSTRAINT "FK_imported_affinities_juror" FOREIGN KEY ("juror_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "round_applications" ADD CONSTRAINT "FK_round_applications_round" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "round_applications" ADD CONSTRAINT "FK_round_applications_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "round_results" ADD CONSTRAINT "FK_round_results_round" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "round_results" ADD CONSTRAINT "FK_round_results_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scoresheets" ADD CONSTRAINT "FK_scoresheets_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION round_results_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'round_results are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
        $$`);
    await queryRunner.query(
      `CREATE TRIGGER round_results_immutable BEFORE UPDATE OR DELETE ON "round_results" FOR EACH ROW EXECUTE FUNCTION round_results_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER round_results_immutable ON "round_results"`);
    await queryRunner.query(`DROP FUNCTION round_results_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "scoresheets" DROP CONSTRAINT "FK_scoresheets_assignment"`);
    await queryRunner.query(`ALTER TABLE "round_results" DROP CONSTRAINT "FK_round_results_application"`);
    await queryRunner.query(`ALTER TABLE "round_results" DROP CONSTRAINT "FK_round_results_round"`);
    await queryRunner.query(`ALTER TABLE "round_applications" DROP CONSTRAINT "FK_round_applications_application"`);
    await queryRunner.query(`ALTER TABLE "round_applications" DROP CONSTRAINT "FK_round_applications_round"`);
    await queryRunner.query(`ALTER TABLE "imported_affinities" DROP CONSTRAINT "FK_imported_affinities_juror"`);
    await queryRunner.query(`ALTER TABLE "imported_affinities" DROP CONSTRAINT "FK_imported_affinities_application"`);
    await queryRunner.query(`ALTER TABLE "imported_affinities" DROP CONSTRAINT "FK_imported_affinities_round"`);
    await queryRunner.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_conflict_declarations_village"`);
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_conflict_declarations_application"`,
    );
    await queryRunner.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_conflict_declarations_applicant"`);
    await queryRunner.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_conflict_declarations_juror"`);
    await queryRunner.query(`ALTER TABLE "competition_jurors" DROP CONSTRAINT "FK_competition_jurors_village"`);
    await queryRunner.query(`ALTER TABLE "competition_jurors" DROP CONSTRAINT "FK_competition_jurors_user"`);
    await queryRunner.query(`ALTER TABLE "competition_jurors" DROP CONSTRAINT "FK_competition_jurors_competition"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_assignments_run"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_assignments_juror"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_assignments_application"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_assignments_round"`);
    await queryRunner.query(`ALTER TABLE "assignment_runs" DROP CONSTRAINT "FK_assignment_runs_round"`);
    await queryRunner.query(`ALTER TABLE "review_rounds" DROP CONSTRAINT "FK_review_rounds_created_by"`);
    await queryRunner.query(`ALTER TABLE "review_rounds" DROP CONSTRAINT "FK_review_rounds_competition"`);
    await queryRunner.query(`ALTER TABLE "attachments" DROP COLUMN "identifying"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_scoresheets_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."IX_scoresheets_round"`);
    await queryRunner.query(`DROP TABLE "scoresheets"`);
    await queryRunner.query(`DROP INDEX "public"."IX_round_results_rank"`);
    await queryRunner.query(`DROP TABLE "round_results"`);
    await queryRunner.query(`DROP INDEX "public"."IX_round_applications_application"`);
    await queryRunner.query(`DROP TABLE "round_applications"`);
    await queryRunner.query(`DROP TABLE "imported_affinities"`);
    await queryRunner.query(`DROP INDEX "public"."IX_conflict_declarations_juror"`);
    await queryRunner.query(`DROP TABLE "conflict_declarations"`);
    await queryRunner.query(`DROP INDEX "public"."IX_competition_jurors_user"`);
    await queryRunner.query(`DROP TABLE "competition_jurors"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_assignments_active_pair"`);
    await queryRunner.query(`DROP INDEX "public"."IX_assignments_juror"`);
    await queryRunner.query(`DROP INDEX "public"."IX_assignments_round_application"`);
    await queryRunner.query(`DROP TABLE "assignments"`);
    await queryRunner.query(`DROP INDEX "public"."IX_assignment_runs_round"`);
    await queryRunner.query(`DROP TABLE "assignment_runs"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_review_rounds_competition_position"`);
    await queryRunner.query(`DROP TABLE "review_rounds"`);
  }
}
