import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional';
import { Trim } from '../../../common/validation/transforms';
import { LANGUAGES, Language } from '../domain/language';
import { FULL_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, PHONE_PATTERN, PHONE_PROBLEM } from './user-fields';

/** What a person may change of their own account: every field optional, `null` clears phone or home village. */
export class UpdateOwnProfileDto {
  @ApiPropertyOptional({ example: 'Айгерім Нұрланқызы', minLength: 1, maxLength: FULL_NAME_MAX })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(FULL_NAME_MAX)
  fullName?: string;

  @ApiPropertyOptional({
    example: '+77011234567',
    nullable: true,
    type: String,
    description: 'A phone number such as +77011234567; null removes it',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_PROBLEM })
  phone?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, example: 'kk' })
  @OptionalNotNull()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '3f0b8c52-6d1e-4a57-9a0e-2c4b7d9e1f30',
    description: 'The home village; null removes it',
  })
  @IsOptional()
  @IsUUID('all')
  homeVillageId?: string | null;
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ format: 'password', minLength: 1, maxLength: PASSWORD_MAX, example: 'correct-horse-battery' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    example: 'a-longer-new-passphrase',
  })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  newPassword!: string;
}
