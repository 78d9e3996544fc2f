import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '../../../common/auth/role';
import { Language } from '../../../common/i18n/language';

@Entity('users')
@Index('UQ_users_email', ['email'], { unique: true })
// On the phone's digits in one form, made by its migration: TypeORM cannot declare an expression index.
@Index('IX_users_phone_digits', { synchronize: false })
@Check(
  'CK_users_roles_known',
  `roles <@ ARRAY['applicant','juror','manager','finance','observer','admin']::text[] AND cardinality(roles) > 0`,
)
@Check('CK_users_language', `preferred_language IN ('kk','ru','en')`)
@Check('CK_users_email_lowercase', 'email = lower(email)')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  fullName!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', default: 'ru' })
  preferredLanguage!: Language;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  /** String reference: users sit below geography in the module chain, so no import of Village. */
  @ManyToOne('Village', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_village_id', foreignKeyConstraintName: 'FK_users_home_village' })
  homeVillage?: { id: string };

  @Column({ type: 'uuid', nullable: true })
  homeVillageId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailConfirmedAt!: Date | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
