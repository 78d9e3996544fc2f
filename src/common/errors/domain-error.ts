/**
 * Domain errors carry a stable machine-readable code and a kind. Services throw them without knowing
 * about HTTP; one filter maps the kind to a status, so the worker can use the same services.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported_media'
  | 'unavailable'
  | 'internal';

export interface ErrorSpec {
  code: string;
  kind: ErrorKind;
  message: string;
}

/**
 * Every spec ever defined, in definition order: the message catalogues (src/common/i18n) are checked
 * against it, so a code cannot be added without its Kazakh, Russian and English messages.
 */
const DEFINED: ErrorSpec[] = [];

export function definedErrorSpecs(): readonly ErrorSpec[] {
  return DEFINED;
}

/** One spec whose code has no prefix (INTERNAL); everything else comes through defineErrors. */
export function defineError(spec: ErrorSpec): ErrorSpec {
  DEFINED.push(spec);
  return spec;
}

export function defineErrors<T extends Record<string, Omit<ErrorSpec, 'code'>>>(
  prefix: string,
  specs: T,
): { [K in keyof T]: ErrorSpec } {
  const out = {} as { [K in keyof T]: ErrorSpec };
  for (const key of Object.keys(specs) as (keyof T)[]) {
    out[key] = defineError({ code: `${prefix}.${String(key)}`, ...specs[key] });
  }
  return out;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;

  constructor(
    spec: ErrorSpec,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? spec.message);
    this.code = spec.code;
    this.kind = spec.kind;
  }
}

export const HTTP_STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
