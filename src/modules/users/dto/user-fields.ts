import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { Trim } from '../../../common/validation/transforms';

/** Field rules shared by registration and admin-created accounts, so both refuse the same input. */
export const EmailField = () =>
  applyDecorators(
    ApiProperty({ example: 'aigerim@example.kz', maxLength: 254 }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: 'email must be a valid email address' }),
    MaxLength(254),
  );

export const PasswordField = () =>
  applyDecorators(
    ApiProperty({ minLength: 10, maxLength: 128, format: 'password' }),
    IsString(),
    MinLength(10),
    MaxLength(128),
  );

export const FullNameField = () =>
  applyDecorators(
    ApiProperty({ example: 'Aigerim Nurlanovna', maxLength: 200 }),
    Trim(),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );

export const PhoneField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '+77011234567' }),
    IsOptional(),
    Trim(),
    IsString(),
    Matches(/^\+?[0-9][0-9 ()-]{5,18}[0-9]$/, { message: 'phone must be a phone number such as +77011234567' }),
  );

export const LanguageField = () => applyDecorators(ApiProperty({ enum: LANGUAGES, example: 'kk' }), IsIn(LANGUAGES));

export const VillageIdField = (required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ format: 'uuid' }) : ApiPropertyOptional({ format: 'uuid', nullable: true }),
    ...(required ? [] : [IsOptional()]),
    IsUUID('all'),
  );
