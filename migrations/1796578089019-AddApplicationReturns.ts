import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return for changes (DESIGN.md section 3): a manager sends a submitted application back as
 * `returned` with a message and a date to answer by; the applicant resubmits it as a new snapshot
 * version with the same reference, or the return lapses.
 *
 * - `application_returns`: one row per return, open (outcome NULL) until it is answered
 *   (resubmitted), lapses, or the application is withdrawn; at most one open return per application.
 * - Snapshots become versioned: the immutable table is now `application_snapshot_versions`, keyed by
 *   (application, version). `application_snapshots` becomes a view of each application's latest
 *   version, so every reader (the jurors' workspace, exports) reads the latest version without a
 *   change, and an INSERT through it (no version given) still makes version 1. The immutability
 *   trigger moves with the table.
 *
 * Frozen with this migration: the SQL here is not shared with the entities on purpose.
 */
export class AddApplicationReturns1796578089019 implements MigrationInterface {
  name = 'AddApplicationReturns1796578089019';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "CK_applications_status"`);
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "CK_applications_status" CHECK (status IN ('draft','submitted','returned','eligible','ineligible','in_review','shortlisted','awarded','not_awarded','withdrawn'))`,
    );

    await queryRunner.query(`ALTER TABLE "application_snapshots" RENAME TO "application_snapshot_versions"`);
    await queryRunner.query(`ALTER TABLE "application_snapshot_versions" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" DROP CONSTRAINT "PK_f06909049cf73f9c9ff6ac7e580"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" ADD CONSTRAINT "PK_application_snapshot_versions" PRIMARY KEY ("application_id", "version")`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" ADD CONSTRAINT "CK_application_snapshot_versions_version" CHECK (version >= 1)`,
    );
    // A simple view (one table, a NOT EXISTS filter): the planner flattens it into the reader's
    // query and uses the primary key, and an INSERT through it reaches the table.
    await queryRunner.query(
      `CREATE VIEW "application_snapshots" AS
         SELECT s.application_id, s.version, s.content, s.created_at FROM application_snapshot_versions s
          WHERE NOT EXISTS (SELECT 1 FROM application_snapshot_versions n WHERE n.application_id = s.application_id AND n.version > s.version)`,
    );

    await queryRunner.query(
      `CREATE TABLE "application_returns" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "application_id" uuid NOT NULL,
         "version" integer NOT NULL,
         "message" text NOT NULL,
         "answer_by" TIMESTAMP WITH TIME ZONE NOT NULL,
         "returned_by" uuid NOT NULL,
         "returned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "outcome" text,
         "closed_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "PK_application_returns" PRIMARY KEY ("id"),
         CONSTRAINT "CK_application_returns_outcome" CHECK (outcome IS NULL OR outcome IN ('resubmitted','lapsed','withdrawn')),
         CONSTRAINT "CK_application_returns_closed" CHECK ((outcome IS NULL) = (closed_at IS NULL)),
         CONSTRAINT "CK_application_returns_message" CHECK (length(btrim(message)) > 0),
         CONSTRAINT "CK_application_returns_answer_by" CHECK (answer_by > returned_at),
         CONSTRAINT "FK_application_returns_application" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT,
         CONSTRAINT "FK_application_returns_returned_by" FOREIGN KEY ("returned_by") REFERENCES "users"("id") ON DELETE RESTRICT
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_application_returns_open" ON "application_returns" ("application_id") WHERE outcome IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_application_returns_application" ON "application_returns" ("application_id", "returned_at")`,
    );
    // The worker's lapse sweep reads only the open returns, by date.
    await queryRunner.query(
      `CREATE INDEX "IX_application_returns_due" ON "application_returns" ("answer_by") WHERE outcome IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "application_returns"`);
    await queryRunner.query(`DROP VIEW "application_snapshots"`);
    // Only the first version of each application can go back into the old one-row-per-application table.
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" DISABLE TRIGGER application_snapshots_immutable`,
    );
    await queryRunner.query(`DELETE FROM "application_snapshot_versions" WHERE version > 1`);
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" ENABLE TRIGGER application_snapshots_immutable`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" DROP CONSTRAINT "CK_application_snapshot_versions_version"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" DROP CONSTRAINT "PK_application_snapshot_versions"`,
    );
    await queryRunner.query(`ALTER TABLE "application_snapshot_versions" DROP COLUMN "version"`);
    await queryRunner.query(
      `ALTER TABLE "application_snapshot_versions" ADD CONSTRAINT "PK_f06909049cf73f9c9ff6ac7e580" PRIMARY KEY ("application_id")`,
    );
    await queryRunner.query(`ALTER TABLE "application_snapshot_versions" RENAME TO "application_snapshots"`);
    await queryRunner.query(`UPDATE "applications" SET status = 'submitted' WHERE status = 'returned'`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "CK_applications_status"`);
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "CK_applications_status" CHECK (status IN ('draft','submitted','eligible','ineligible','in_review','shortlisted','awarded','not_awarded','withdrawn'))`,
    );
  }
}
