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

/**
 * Keys that name an object's prototype machinery (`__proto__`, `constructor`, `prototype`) or an
 * inherited method (`toString`, `hasOwnProperty`...): never a field, and class-transformer drops
 * them without a word, so forbidNonWhitelisted would never see them.
 */
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Far deeper than any request DTO nests, and shallow enough for every recursive step after this one. */
export const MAX_INPUT_DEPTH = 32;

/**
 * What is wrong with the raw input before class-transformer sees it, found in one walk without
 * recursion (a 40 kB body can nest 20,000 levels deep): strings holding U+0000, which PostgreSQL's
 * text type cannot store; PROTOTYPE_KEYS, which would otherwise vanish instead of being refused as
 * unknown fields; and nesting beyond MAX_INPUT_DEPTH.
 */
export function inputProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const queue: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  for (let i = 0; i < queue.length; i += 1) {
    const { value, path, depth } = queue[i];
    const field = path || 'value';
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ field, problems: [`${field} must not contain NUL characters`] });
      continue;
    }
    // Uploaded files (Buffers) and other binary data are not text: their bytes are checked elsewhere.
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field, problems: [`${field} must not nest more than ${MAX_INPUT_DEPTH} levels deep`] });
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) problems.push({ field: child, problems: [`property ${key} should not exist`] });
      else queue.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return problems;
}

/** Class-validator with our error shape, after refusing what `inputProblems` finds anywhere in the input. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problems = inputProblems(value);
    if (problems.length > 0) throw new DomainError(CommonErrors.VALIDATION_FAILED, { fields: problems });
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
