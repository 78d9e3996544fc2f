import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assisted intake finds a walk-in applicant by phone, in any spelling of the number: the users
 * repository compares the digits in one form (8 701... and +7 (701)... alike). An index on that
 * very expression keeps the search a lookup at national scale instead of a scan of every account.
 *
 * Frozen with this migration: the expression must stay the one in UsersRepository.findApplicantsByContact.
 */
export class IndexUserPhoneDigits1796600000000 implements MigrationInterface {
  name = 'IndexUserPhoneDigits1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IX_users_phone_digits" ON "users" ((regexp_replace(regexp_replace(phone, '[^0-9]', '', 'g'), '^8([0-9]{10})$', '7\\1')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_users_phone_digits"`);
  }
}
