import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { bigintTransformer } from '../../../database/transformers';
import { User } from '../../users/entities/user.entity';
import { AwardRules } from '../domain/award-rules';
import { CompetitionStatus } from '../domain/competition-status';
import { CompetitionDistrict, CompetitionVillage } from './competition-eligibility.entity';
import { CompetitionEnvelope } from './competition-envelope.entity';

/**
 * DEFAULT_AWARD_RULES as PostgreSQL prints a jsonb value (its own key order and spacing), so the
 * schema check sees the entity and the migrated default as equal; a unit test keeps the two alike.
 */
export const AWARD_RULES_COLUMN_DEFAULT =
  '{"floors": [], "acceptanceDays": 14, "trancheTemplate": [{"label": {"en": "On signing", "kk": "Шартқа қол қойылғанда", "ru": "При подписании договора"}, "dueDays": null, "shareBp": 5000, "reportRequired": false}, {"label": {"en": "Mid-term report", "kk": "Аралық есеп", "ru": "Промежуточный отчёт"}, "dueDays": 180, "shareBp": 3000, "reportRequired": true}, {"label": {"en": "Final report", "kk": "Қорытынды есеп", "ru": "Итоговый отчёт"}, "dueDays": 365, "shareBp": 2000, "reportRequired": true}], "partialMinShareBp": null}';

@Entity('competitions')
@Index('IX_competitions_status_closes', ['status', 'closesAt'])
@Index('UQ_competitions_code', ['code'], { unique: true })
@Check('CK_competitions_title', 'is_localized_text(title)')
@Check('CK_competitions_description', 'is_localized_text(description)')
@Check('CK_competitions_code', `code ~ '^[A-Z][A-Z0-9]{1,7}$'`)
@Check('CK_competitions_status', `status IN ('draft','open','closed','finalized','archived')`)
@Check('CK_competitions_currency', `currency = 'KZT'`)
@Check('CK_competitions_amounts', 'budget > 0 AND min_award > 0 AND min_award <= max_award AND max_award <= budget')
@Check('CK_competitions_own_share', 'min_own_share_bp BETWEEN 0 AND 10000')
@Check('CK_competitions_max_applications', 'max_applications_per_applicant >= 1')
@Check('CK_competitions_dates', 'closes_at > opens_at')
export class Competition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The short code in every application reference (SU-TUP-2026-0042); see domain/competition-code.ts. */
  @Column({ type: 'text' })
  code!: string;

  /** Per language (DESIGN.md section 12), as every text staff write. */
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  /** Null: no description. */
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ type: 'char', length: 3, default: 'KZT' })
  currency!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  budget!: bigint;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  minAward!: bigint;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  maxAward!: bigint;

  /** Minimum own contribution as a share of the total project cost, in basis points (1% = 100). */
  @Column({ type: 'int', default: 0 })
  minOwnShareBp!: number;

  @Column({ type: 'int', default: 1 })
  maxApplicationsPerApplicant!: number;

  /** How awards are allocated, offered and paid out; frozen with the other rules once open. */
  @Column({ type: 'jsonb', default: () => `'${AWARD_RULES_COLUMN_DEFAULT}'` })
  awardRules!: AwardRules;

  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text', default: 'draft' })
  status!: CompetitionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_competitions_created_by' })
  creator?: User;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @OneToMany(() => CompetitionVillage, (v) => v.competition)
  eligibleVillages?: CompetitionVillage[];

  @OneToMany(() => CompetitionDistrict, (d) => d.competition)
  eligibleDistricts?: CompetitionDistrict[];

  @OneToMany(() => CompetitionEnvelope, (e) => e.competition)
  envelopes?: CompetitionEnvelope[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
