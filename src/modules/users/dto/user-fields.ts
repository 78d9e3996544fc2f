import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { Trim } from '../../../common/validation/transforms';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const FULL_NAME_MAX = 200;
export const EMAIL_MAX = 254;
/** Digits with an optional leading +, spaces, brackets and dashes between: +7 701 123-45-67, 87011234567. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/;
export const PHONE_PROBLEM = 'phone must be a phone number such as +77011234567';

/** Field rules shared by registration and admin-created accounts, so both refuse the same input. */
export const EmailField = () =>
  applyDecorators(
    ApiProperty({ example: 'aigerim@example.kz', maxLength: EMAIL_MAX }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: 'email must be a valid email address' }),
    MaxLength(EMAIL_MAX),
  );

export const PasswordField = () =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, format: 'password' }),
    IsString(),
    MinLength(PASSWORD_MIN),
    MaxLength(PASSWORD_MAX),
  );

export const FullNameField = () =>
  applyDecorators(
    ApiProperty({ example: 'Aigerim Nurlanovna', maxLength: FULL_NAME_MAX }),
    Trim(),
    IsString(),
    MinLength(1),
    MaxLength(FULL_NAME_MAX),
  );

export const PhoneField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '+77011234567' }),
    IsOptional(),
    Trim(),
    IsString(),
    Matches(PHONE_PATTERN, { message: PHONE_PROBLEM }),
  );

export const LanguageField = () => applyDecorators(ApiProperty({ enum: LANGUAGES, example: 'kk' }), IsIn(LANGUAGES));

export const VillageIdField = (required: boolean) =>
  applyDecorators(
    required ? ApiProperty({ format: 'uuid' }) : ApiPropertyOptional({ format: 'uuid', nullable: true }),
    ...(required ? [] : [IsOptional()]),
    IsUUID('all'),
  );
