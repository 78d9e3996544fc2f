import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageMetaDto } from '../../../common/http/pagination';
import { OptionalIdField } from '../../../common/validation/id-field';
import { OptionalNotNull } from '../../../common/validation/optional';
import { LowercaseIds, Trim } from '../../../common/validation/transforms';
import { CONFLICT_KINDS, ConflictKind } from '../domain/jury/conflicts';
import { ConflictDeclaration } from '../entities/conflict-declaration.entity';
import { JurorRow } from '../jury.repository';

export class AddJurorDto {
  @ApiProperty({ format: 'uuid', description: 'An active account with the juror role' })
  @LowercaseIds()
  @IsUUID('all')
  userId!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['agriculture', 'water'],
    description: 'Expertise tags: the sectors, and themes named in plan goals',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^[\p{L}\p{N} _-]{2,40}$/u, { each: true, message: 'each tag is 2-40 letters, digits, spaces, _ or -' })
  expertise?: string[];

  @OptionalIdField('Defaults to the account’s home village; jurors are never assigned applications from it')
  homeVillageId?: string;
}

export class JurorDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String] }) expertise!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) homeVillageId!: string | null;
  @ApiProperty({ nullable: true, type: String }) conflictsConfirmedAt!: string | null;
  @ApiProperty({ type: 'integer' }) declarations!: number;
  @ApiProperty({ type: 'integer' }) activeAssignments!: number;

  static from(j: JurorRow): JurorDto {
    return {
      userId: j.userId,
      fullName: j.fullName,
      email: j.email,
      expertise: j.expertise,
      homeVillageId: j.homeVillageId,
      conflictsConfirmedAt: j.conflictsConfirmedAt ? new Date(j.conflictsConfirmedAt).toISOString() : null,
      declarations: j.declarations,
      activeAssignments: j.activeAssignments,
    };
  }
}

export class DeclareConflictDto {
  @OptionalIdField('Exactly one of applicantId, applicationId or villageId')
  applicantId?: string;

  @OptionalIdField()
  applicationId?: string;

  @OptionalIdField()
  villageId?: string;

  @ApiProperty({ enum: CONFLICT_KINDS })
  @IsIn(CONFLICT_KINDS)
  kind!: ConflictKind;

  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ConflictDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) applicantId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) applicationId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) villageId!: string | null;
  @ApiProperty({ enum: CONFLICT_KINDS }) kind!: ConflictKind;
  @ApiProperty() note!: string;
  @ApiProperty() createdAt!: string;

  static from(d: ConflictDeclaration): ConflictDto {
    return {
      id: d.id,
      applicantId: d.applicantId,
      applicationId: d.applicationId,
      villageId: d.villageId,
      kind: d.kind,
      note: d.note,
      createdAt: d.createdAt.toISOString(),
    };
  }
}

export class AppliedVillageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @LocalizedTextProperty() name!: LocalizedText;
}

export class ApplicantEntryDto {
  @ApiProperty({ format: 'uuid' }) applicantId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [AppliedVillageDto], description: 'The villages applied for' }) villages!: AppliedVillageDto[];
}

export class ApplicantPageDto extends PageMetaDto {
  @ApiProperty({ type: [ApplicantEntryDto] })
  items!: ApplicantEntryDto[];
}

export class PanelDto {
  @ApiProperty({ format: 'uuid' }) competitionId!: string;
  @LocalizedTextProperty() competitionTitle!: LocalizedText;
  @ApiProperty({ nullable: true, type: String }) conflictsConfirmedAt!: string | null;
}

/** A declaration as oversight reads it: who declared (a pseudonym for observers) and what it names. */
export class DeclarationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The juror’s id for managers and admins, a stable pseudonym for observers' })
  juror!: string;
  @ApiProperty({ enum: ['applicant', 'application', 'village'] }) target!: string;
  @ApiProperty({
    description:
      'The applicant’s name, the application’s reference or the village’s name (its Kazakh text, else Russian, else English)',
  })
  targetName!: string;
  @ApiProperty({ enum: CONFLICT_KINDS }) kind!: string;
  @ApiProperty() note!: string;
  @ApiProperty() createdAt!: string;
}

export class ConfirmationDto {
  @ApiProperty({ format: 'uuid' }) competitionId!: string;
  @ApiProperty({ nullable: true, type: String }) conflictsConfirmedAt!: string | null;
}

export class JurorPageDto extends PageMetaDto {
  @ApiProperty({ type: [JurorDto] }) items!: JurorDto[];
}

export class ConflictPageDto extends PageMetaDto {
  @ApiProperty({ type: [ConflictDto] }) items!: ConflictDto[];
}

export class DeclarationPageDto extends PageMetaDto {
  @ApiProperty({ type: [DeclarationDto] }) items!: DeclarationDto[];
}

export class PanelPageDto extends PageMetaDto {
  @ApiProperty({ type: [PanelDto] }) items!: PanelDto[];
}
