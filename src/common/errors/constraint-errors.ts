import { ErrorSpec } from './domain-error';

/**
 * Database constraints are the last line of defence for rules that races could otherwise break.
 * Each module registers what its named constraints mean, so a violation becomes a precise error.
 */
const byConstraint = new Map<string, ErrorSpec>();

export function registerConstraintErrors(map: Record<string, ErrorSpec>): void {
  for (const [name, spec] of Object.entries(map)) byConstraint.set(name, spec);
}

export function errorForConstraint(name: string | undefined): ErrorSpec | undefined {
  return name ? byConstraint.get(name) : undefined;
}
