import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { Role, ROLES } from '../../../common/auth/role';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { OptionalNotNull } from '../../../common/validation/optional';
import { LANGUAGES, Language } from '../../../common/i18n/language';
import { User } from '../entities/user.entity';
import { EmailField, FullNameField, LanguageField, PasswordField, PhoneField, VillageIdField } from './user-fields';

const RolesField = () =>
  applyDecorators(
    ApiProperty({ enum: ROLES, isArray: true, example: ['juror'] }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(ROLES.length),
    ArrayUnique(),
    IsIn(ROLES, { each: true }),
  );

export class CreateUserDto {
  @EmailField()
  email!: string;

  @PasswordField()
  password!: string;

  @FullNameField()
  fullName!: string;

  @PhoneField()
  phone?: string;

  @LanguageField()
  preferredLanguage!: Language;

  @VillageIdField(false)
  homeVillageId?: string;

  @RolesField()
  roles!: Role[];
}

/** An account opened by an admin whose person chooses the password from an invitation mail (the admin pages). */
export class InviteUserDto extends OmitType(CreateUserDto, ['password', 'homeVillageId'] as const) {}

export class UpdateUserDto {
  @OptionalNotNull()
  @RolesField()
  roles?: Role[];

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @OptionalNotNull()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;

  @VillageIdField(false)
  homeVillageId?: string;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Matches email or full name' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty()
  fullName!: string;
  @ApiProperty({ nullable: true, type: String })
  phone!: string | null;
  @ApiProperty({ enum: LANGUAGES })
  preferredLanguage!: Language;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  homeVillageId!: string | null;
  @ApiProperty()
  emailConfirmed!: boolean;
  @ApiProperty()
  active!: boolean;
  @ApiProperty()
  createdAt!: string;

  static from(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      phone: user.phone,
      preferredLanguage: user.preferredLanguage,
      roles: user.roles,
      homeVillageId: user.homeVillageId,
      emailConfirmed: user.emailConfirmedAt !== null,
      active: user.active,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];
}
