import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1795360905703 implements MigrationInterface {
  name = 'CreateFoundation1795360905703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" smallint NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "CK_audit_chain_head_single" CHECK (id = 1), CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "full_name" text NOT NULL, "phone" text, "preferred_language" text NOT NULL DEFAULT 'ru', "roles" text array NOT NULL, "home_village_id" uuid, "email_confirmed_at" TIMESTAMP WITH TIME ZONE, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_users_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "CK_users_language" CHECK (preferred_language IN ('kk','ru','en')), CONSTRAINT "CK_users_roles_known" CHECK (roles <@ ARRAY['applicant','juror','manager','finance','observer','admin']::text[] AND cardinality(roles) > 0), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_refresh_tokens_user" ON "refresh_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IX_refresh_tokens_family" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(
      `CREATE TABLE "regions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kato_code" text, CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_regions_kato" ON "regions"  ("kato_code") WHERE kato_code IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_regions_name" ON "regions"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "name" text NOT NULL, "kato_code" text, CONSTRAINT "PK_972a72ff4e3bea5c7f43a2b98af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_districts_kato" ON "districts"  ("kato_code") WHERE kato_code IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_districts_region_name" ON "districts"  ("region_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "villages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL DEFAULT 'village', "kato_code" text, CONSTRAINT "CK_villages_kind" CHECK (kind IN ('village','rural_district')), CONSTRAINT "PK_3d9cf7c71c05c7ef684331317bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_villages_kato" ON "villages"  ("kato_code") WHERE kato_code IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_villages_district_name" ON "villages"  ("district_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "competition_villages" ("competition_id" uuid NOT NULL, "village_id" uuid NOT NULL, CONSTRAINT "PK_d6a0c5328b02dcf505f1e392d36" PRIMARY KEY ("competition_id", "village_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "competition_districts" ("competition_id" uuid NOT NULL, "district_id" uuid NOT NULL, CONSTRAINT "PK_fc8c425f3b2aca378373e71b51d" PRIMARY KEY ("competition_id", "district_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "competition_envelopes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "district_id" uuid, "village_id" uuid, "amount" bigint NOT NULL, CONSTRAINT "CK_competition_envelopes_amount" CHECK (amount > 0), CONSTRAINT "CK_competition_envelopes_target" CHECK ((district_id IS NULL) <> (village_id IS NULL)), CONSTRAINT "PK_89ccec6e84e38358d99b3df86f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_competition_envelopes_village" ON "competition_envelopes"  ("competition_id", "village_id") WHERE village_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_competition_envelopes_district" ON "competition_envelopes"  ("competition_id", "district_id") WHERE district_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "competitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "currency" character(3) NOT NULL DEFAULT 'KZT', "budget" bigint NOT NULL, "min_award" bigint NOT NULL, "max_award" bigint NOT NULL, "min_own_share_bp" integer NOT NULL DEFAULT '0', "max_applications_per_applicant" integer NOT NULL DEFAULT '1', "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'draft', "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_competitions_dates" CHECK (closes_at > opens_at), CONSTRAINT "CK_competitions_max_applications" CHECK (max_applications_per_applicant >= 1), CONSTRAINT "CK_competitions_own_share" CHECK (min_own_share_bp BETWEEN 0 AND 10000), CONSTRAINT "CK_competitions_amounts" CHECK (budget > 0 AND min_award > 0 AND min_award <= max_award AND max_award <= budget), CONSTRAINT "CK_competitions_currency" CHECK (currency = 'KZT'), CONSTRAINT "CK_competitions_status" CHECK (status IN ('draft','open','closed','finalized','archived')), CONSTRAINT "PK_ef273910798c3a542b475e75c7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_competitions_status_closes" ON "competitions"  ("status", "closes_at") `);
    await queryRunner.query(
      `CREATE TABLE "plan_goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "priority" smallint NOT NULL, CONSTRAINT "CK_plan_goals_priority" CHECK (priority BETWEEN 1 AND 99), CONSTRAINT "PK_3c94e7ff165c29164dcf51676ac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_plan_goals_plan_code" ON "plan_goals"  ("plan_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "development_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "village_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "period_start" smallint NOT NULL, "period_end" smallint NOT NULL, "status" text NOT NULL DEFAULT 'draft', "adopted_at" TIMESTAMP WITH TIME ZONE, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_development_plans_period" CHECK (period_end >= period_start), CONSTRAINT "CK_development_plans_status" CHECK (status IN ('draft','adopted','archived')), CONSTRAINT "PK_86c30a1eb9f93130880d954d587" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_development_plans_one_adopted" ON "development_plans"  ("village_id") WHERE status = 'adopted'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_development_plans_village_version" ON "development_plans"  ("village_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_users_home_village" FOREIGN KEY ("home_village_id") REFERENCES "villages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "districts" ADD CONSTRAINT "FK_districts_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "villages" ADD CONSTRAINT "FK_villages_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_villages" ADD CONSTRAINT "FK_competition_villages_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_villages" ADD CONSTRAINT "FK_competition_villages_village" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_districts" ADD CONSTRAINT "FK_competition_districts_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_districts" ADD CONSTRAINT "FK_competition_districts_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_envelopes" ADD CONSTRAINT "FK_competition_envelopes_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_envelopes" ADD CONSTRAINT "FK_competition_envelopes_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competition_envelopes" ADD CONSTRAINT "FK_competition_envelopes_village" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competitions" ADD CONSTRAINT "FK_competitions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_goals" ADD CONSTRAINT "FK_plan_goals_plan" FOREIGN KEY ("plan_id") REFERENCES "development_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "development_plans" ADD CONSTRAINT "FK_development_plans_village" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Hand-written: the audit log is append-only. Any UPDATE, DELETE or TRUNCATE is refused by the
    // database itself, whoever connects; corrections are new events.
    await queryRunner.query(`CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
        $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`,
    );
    // The chain starts from a genesis hash of zeros at seq 0.
    await queryRunner.query(`INSERT INTO "audit_chain_head" (id, seq, hash) VALUES (1, 0, repeat('0', 64))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_delete ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "development_plans" DROP CONSTRAINT "FK_development_plans_village"`);
    await queryRunner.query(`ALTER TABLE "plan_goals" DROP CONSTRAINT "FK_plan_goals_plan"`);
    await queryRunner.query(`ALTER TABLE "competitions" DROP CONSTRAINT "FK_competitions_created_by"`);
    await queryRunner.query(`ALTER TABLE "competition_envelopes" DROP CONSTRAINT "FK_competition_envelopes_village"`);
    await queryRunner.query(`ALTER TABLE "competition_envelopes" DROP CONSTRAINT "FK_competition_envelopes_district"`);
    await queryRunner.query(
      `ALTER TABLE "competition_envelopes" DROP CONSTRAINT "FK_competition_envelopes_competition"`,
    );
    await queryRunner.query(`ALTER TABLE "competition_districts" DROP CONSTRAINT "FK_competition_districts_district"`);
    await queryRunner.query(
      `ALTER TABLE "competition_districts" DROP CONSTRAINT "FK_competition_districts_competition"`,
    );
    await queryRunner.query(`ALTER TABLE "competition_villages" DROP CONSTRAINT "FK_competition_villages_village"`);
    await queryRunner.query(`ALTER TABLE "competition_villages" DROP CONSTRAINT "FK_competition_villages_competition"`);
    await queryRunner.query(`ALTER TABLE "villages" DROP CONSTRAINT "FK_villages_district"`);
    await queryRunner.query(`ALTER TABLE "districts" DROP CONSTRAINT "FK_districts_region"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_refresh_tokens_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_home_village"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_development_plans_village_version"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_development_plans_one_adopted"`);
    await queryRunner.query(`DROP TABLE "development_plans"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_plan_goals_plan_code"`);
    await queryRunner.query(`DROP TABLE "plan_goals"`);
    await queryRunner.query(`DROP INDEX "public"."IX_competitions_status_closes"`);
    await queryRunner.query(`DROP TABLE "competitions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_competition_envelopes_district"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_competition_envelopes_village"`);
    await queryRunner.query(`DROP TABLE "competition_envelopes"`);
    await queryRunner.query(`DROP TABLE "competition_districts"`);
    await queryRunner.query(`DROP TABLE "competition_villages"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_villages_district_name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_villages_kato"`);
    await queryRunner.query(`DROP TABLE "villages"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_districts_region_name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_districts_kato"`);
    await queryRunner.query(`DROP TABLE "districts"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_regions_name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_regions_kato"`);
    await queryRunner.query(`DROP TABLE "regions"`);
    await queryRunner.query(`DROP INDEX "public"."IX_refresh_tokens_family"`);
    await queryRunner.query(`DROP INDEX "public"."IX_refresh_tokens_user"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IX_audit_events_entity"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
  }
}
