import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLedger1795373531256 implements MigrationInterface {
  name = 'CreateLedger1795373531256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ledger_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "kind" text NOT NULL, "award_id" uuid, "balance" bigint NOT NULL DEFAULT '0', CONSTRAINT "CK_ledger_accounts_balance" CHECK (kind = 'funding' OR balance >= 0), CONSTRAINT "CK_ledger_accounts_award" CHECK ((kind = 'payable') = (award_id IS NOT NULL)), CONSTRAINT "CK_ledger_accounts_kind" CHECK (kind IN ('funding','budget','payable','paid')), CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ledger_accounts_award" ON "ledger_accounts"  ("award_id") WHERE award_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ledger_accounts_competition_kind" ON "ledger_accounts"  ("competition_id", "kind") WHERE award_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_transactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "movement" text NOT NULL, "award_id" uuid, "reference" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_ledger_transactions_movement" CHECK (movement IN ('opening','commitment','release','payment','payment_reversal')), CONSTRAINT "PK_633d103c9e415d615aacf9b1929" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_ledger_transactions_award" ON "ledger_transactions"  ("award_id") `);
    await queryRunner.query(
      `CREATE INDEX "IX_ledger_transactions_competition" ON "ledger_transactions"  ("competition_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "transaction_id" uuid NOT NULL, "account_id" uuid NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "CK_ledger_entries_amount" CHECK (amount <> 0), CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IX_ledger_entries_account" ON "ledger_entries"  ("account_id") `);
    await queryRunner.query(`CREATE INDEX "IX_ledger_entries_transaction" ON "ledger_entries"  ("transaction_id") `);
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "FK_ledger_accounts_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_transactions" ADD CONSTRAINT "FK_ledger_transactions_competition" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_transactions" ADD CONSTRAINT "FK_ledger_transactions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_ledger_entries_transaction" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_ledger_entries_account" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Balances follow the entries, and only the entries: a trigger adds each entry to its account
    // (the CHECK on the balance then refuses an overdraft), and a direct change of a balance is refused.
    await queryRunner.query(`CREATE FUNCTION ledger_entries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM ledger_accounts a JOIN ledger_transactions t ON t.id = NEW.transaction_id
                                WHERE a.id = NEW.account_id AND a.competition_id = t.competition_id) THEN
                    RAISE EXCEPTION 'ledger entry % posts to an account of another competition', NEW.id USING ERRCODE = 'check_violation';
                END IF;
                UPDATE ledger_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id;
                RETURN NEW;
            END
        $$`);
    await queryRunner.query(
      `CREATE TRIGGER ledger_entries_apply AFTER INSERT ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION ledger_entries_apply()`,
    );
    await queryRunner.query(`CREATE FUNCTION ledger_accounts_guard_balance() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.balance IS DISTINCT FROM OLD.balance AND pg_trigger_depth() < 2 THEN
                    RAISE EXCEPTION 'ledger balances change only through entries' USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NEW;
            END
        $$`);
    await queryRunner.query(
      `CREATE TRIGGER ledger_accounts_guard_balance BEFORE UPDATE ON "ledger_accounts" FOR EACH ROW EXECUTE FUNCTION ledger_accounts_guard_balance()`,
    );
    // Every transaction balances: checked when the transaction that wrote it commits.
    await queryRunner.query(`CREATE FUNCTION ledger_transactions_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE total numeric; entries int;
            BEGIN
                SELECT coalesce(sum(amount), 0), count(*) INTO total, entries FROM ledger_entries WHERE transaction_id = NEW.transaction_id;
                IF total <> 0 OR entries < 2 THEN
                    RAISE EXCEPTION 'ledger transaction % does not balance (% over % entries)', NEW.transaction_id, total, entries USING ERRCODE = 'check_violation';
                END IF;
                RETURN NULL;
            END
        $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON "ledger_entries" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transactions_check_balanced()`,
    );
    // Entries and transactions are never changed: corrections are new transactions the other way.
    await queryRunner.query(`CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
            END
        $$`);
    await queryRunner.query(
      `CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON "ledger_transactions" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON "ledger_transactions" FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_transactions_no_truncate ON "ledger_transactions"`);
    await queryRunner.query(`DROP TRIGGER ledger_transactions_append_only ON "ledger_transactions"`);
    await queryRunner.query(`DROP TRIGGER ledger_entries_no_truncate ON "ledger_entries"`);
    await queryRunner.query(`DROP TRIGGER ledger_entries_append_only ON "ledger_entries"`);
    await queryRunner.query(`DROP FUNCTION ledger_refuse_change()`);
    await queryRunner.query(`DROP TRIGGER ledger_entries_balanced ON "ledger_entries"`);
    await queryRunner.query(`DROP FUNCTION ledger_transactions_check_balanced()`);
    await queryRunner.query(`DROP TRIGGER ledger_accounts_guard_balance ON "ledger_accounts"`);
    await queryRunner.query(`DROP FUNCTION ledger_accounts_guard_balance()`);
    await queryRunner.query(`DROP TRIGGER ledger_entries_apply ON "ledger_entries"`);
    await queryRunner.query(`DROP FUNCTION ledger_entries_apply()`);
    await queryRunner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_ledger_entries_account"`);
    await queryRunner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_ledger_entries_transaction"`);
    await queryRunner.query(`ALTER TABLE "ledger_transactions" DROP CONSTRAINT "FK_ledger_transactions_created_by"`);
    await queryRunner.query(`ALTER TABLE "ledger_transactions" DROP CONSTRAINT "FK_ledger_transactions_competition"`);
    await queryRunner.query(`ALTER TABLE "ledger_accounts" DROP CONSTRAINT "FK_ledger_accounts_competition"`);
    await queryRunner.query(`DROP INDEX "public"."IX_ledger_entries_transaction"`);
    await queryRunner.query(`DROP INDEX "public"."IX_ledger_entries_account"`);
    await queryRunner.query(`DROP TABLE "ledger_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IX_ledger_transactions_competition"`);
    await queryRunner.query(`DROP INDEX "public"."IX_ledger_transactions_award"`);
    await queryRunner.query(`DROP TABLE "ledger_transactions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ledger_accounts_competition_kind"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ledger_accounts_award"`);
    await queryRunner.query(`DROP TABLE "ledger_accounts"`);
  }
}
