import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { OptionalNotNull } from '../validation/optional';
import { Trim } from '../validation/transforms';
import { LANGUAGES } from './language';
import { LocalizedText } from './localized-text';

const LANGUAGE_NAMES = { kk: 'Kazakh', ru: 'Russian', en: 'English' } as const;

/** The translations object as the API returns it: each of kk, ru, en that staff gave. */
export class LocalizedTextDto implements LocalizedText {
  @ApiPropertyOptional({ description: 'Kazakh', example: 'Маңғыстау облысы' })
  kk?: string;

  @ApiPropertyOptional({ description: 'Russian', example: 'Мангистауская область' })
  ru?: string;

  @ApiPropertyOptional({ description: 'English', example: 'Mangystau Region' })
  en?: string;
}

const requestClasses = new Map<number, new () => LocalizedText>();

/**
 * The request shape of a translations object whose texts are at most `maxLength` characters: each
 * language optional, trimmed, not empty, not null. Unknown keys are refused by the global pipe's
 * whitelist; "at least one language" is checked on the field (LocalizedTextField) so the error
 * names the field.
 */
export function localizedTextRequestDto(maxLength: number): new () => LocalizedText {
  const known = requestClasses.get(maxLength);
  if (known) return known;
  const dto = class {};
  Object.defineProperty(dto, 'name', { value: `LocalizedText${maxLength}Dto` });
  for (const lang of LANGUAGES) {
    const decorate = applyDecorators(
      ApiPropertyOptional({ type: String, description: LANGUAGE_NAMES[lang], maxLength, minLength: 1 }),
      OptionalNotNull(),
      Trim(),
      IsString(),
      MinLength(1, { message: ({ property }) => `${property} must not be empty` }),
      MaxLength(maxLength),
    );
    decorate(dto.prototype, lang);
  }
  requestClasses.set(maxLength, dto);
  return dto;
}

/** The value is an object giving at least one of kk, ru, en (their own checks are the nested DTO's). */
function HasSomeLanguage(each: boolean): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasSomeLanguage',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { each },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          LANGUAGES.some((l) => (value as Record<string, unknown>)[l] !== undefined),
        defaultMessage: ({ property }: ValidationArguments) =>
          `${property} must be an object with a text in at least one of kk, ru, en`,
      },
    });
}

export interface LocalizedTextFieldOptions {
  maxLength: number;
  /** Default true. An optional field may be left out; `nullable` lets null through as "none". */
  required?: boolean;
  nullable?: boolean;
  description?: string;
  example?: LocalizedText | LocalizedText[];
  /** A list of translations objects (a rubric's level descriptors); the caller bounds its size. */
  each?: boolean;
}

/** A request field holding a translations object (DESIGN.md section 12), validated and documented. */
export function LocalizedTextField(options: LocalizedTextFieldOptions): PropertyDecorator {
  const dto = localizedTextRequestDto(options.maxLength);
  const required = options.required ?? true;
  const each = options.each ?? false;
  const doc: ApiPropertyOptions = {
    type: each ? [dto] : dto,
    nullable: options.nullable,
    description: `${options.description ? `${options.description}. ` : ''}Per language: at least one of kk, ru, en (shown in the reader's language, else kk, ru, en); replaces the whole object when changed`,
    example: options.example,
  };
  return applyDecorators(
    required ? ApiProperty(doc) : ApiPropertyOptional(doc),
    ...(required ? [] : [options.nullable ? IsOptional() : OptionalNotNull()]),
    ...(each ? [IsArray()] : []),
    HasSomeLanguage(each),
    ValidateNested({ each }),
    Type(() => dto),
  );
}

/** A response field holding a translations object. */
export const LocalizedTextProperty = (
  options: { description?: string; nullable?: boolean; example?: LocalizedText } = {},
) => ApiProperty({ type: LocalizedTextDto, ...options });
