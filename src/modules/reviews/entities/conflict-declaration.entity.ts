import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from '../../applications/entities/application.entity';
import { Village } from '../../geography/entities/village.entity';
import { User } from '../../users/entities/user.entity';
import { ConflictKind } from '../domain/jury/conflicts';
import { CompetitionJuror } from './competition-juror.entity';

/** A juror's declared tie to an applicant, an application or a village; it blocks assignment. */
@Entity('conflict_declarations')
@Index('IX_conflict_declarations_juror', ['competitionId', 'jurorId'])
@Check('CK_conflict_declarations_kind', `kind IN ('family','business','employment','other')`)
@Check('CK_conflict_declarations_target', 'num_nonnulls(applicant_id, application_id, village_id) = 1')
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'uuid' })
  jurorId!: string;

  @ManyToOne(() => CompetitionJuror, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'competition_id',
      referencedColumnName: 'competitionId',
      foreignKeyConstraintName: 'FK_conflict_declarations_juror',
    },
    { name: 'juror_id', referencedColumnName: 'userId', foreignKeyConstraintName: 'FK_conflict_declarations_juror' },
  ])
  juror?: CompetitionJuror;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'FK_conflict_declarations_applicant' })
  applicant?: User;

  @Column({ type: 'uuid', nullable: true })
  applicantId!: string | null;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_conflict_declarations_application' })
  application?: Application;

  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  @ManyToOne(() => Village, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'FK_conflict_declarations_village' })
  village?: Village;

  @Column({ type: 'uuid', nullable: true })
  villageId!: string | null;

  @Column({ type: 'text' })
  kind!: ConflictKind;

  @Column({ type: 'text', default: '' })
  note!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
