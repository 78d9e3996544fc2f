import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { LowercaseIds } from './transforms';

/** An optional UUID (query filter or body field), lower-cased before validation. */
export const OptionalIdField = (description?: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), LowercaseIds(), IsUUID('all'));
