import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens class-validator's tree into one entry per bad field, with dotted paths (`goals.0.code`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ field, problems: Object.values(error.constraints) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Paths of every string that holds U+0000, which PostgreSQL's text type cannot store. */
export function nulFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  // Uploaded files (Buffers) and other binary data are not text: their bytes are checked elsewhere.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, member]) => nulFields(member, path ? `${path}.${key}` : key));
}

/** Class-validator with our error shape, after refusing NUL characters anywhere in the input. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const bad = nulFields(value);
    if (bad.length > 0) {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, {
        fields: bad.map((field) => ({ field, problems: [`${field} must not contain NUL characters`] })),
      });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError(CommonErrors.VALIDATION_FAILED, { fields: flattenValidationErrors(errors) }),
  });
}
