import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { MessageKey } from '../i18n/catalogue';
import { FieldError } from '../ui/form';

/**
 * Message keys for one field: one per class-validator constraint the field can break
 * (`minLength`, `isEmail`, ...), and `default` for any other.
 */
export type FieldMessages = Partial<Record<string, MessageKey>> & { default: MessageKey };

/**
 * Checks a form's values against the JSON API's DTO for the same use case, so a page and the API
 * refuse the same input, and names every broken rule at once: one error per field, in the order
 * of `messages` (the order of the form), each with its message key and the field's `params`
 * (limits such as `{ min: 10 }` for the message's placeholders).
 */
export function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  values: Record<string, unknown>,
  messages: Record<string, FieldMessages>,
  params: Record<string, Record<string, number>> = {},
): { value: T; errors: FieldError[] } {
  const value = plainToInstance(dto, values);
  const problems = validateSync(value, { whitelist: true, forbidUnknownValues: true });
  const byField = new Map<string, ValidationError>(problems.map((problem) => [problem.property, problem]));
  const errors: FieldError[] = [];
  for (const [field, keys] of Object.entries(messages)) {
    const problem = byField.get(field);
    if (!problem?.constraints) continue;
    const broken = Object.keys(problem.constraints);
    const constraint = broken.find((name) => keys[name] !== undefined);
    errors.push({
      field,
      message: constraint ? (keys[constraint] as MessageKey) : keys.default,
      ...(params[field] && { params: params[field] }),
    });
  }
  // A rule of the DTO this form has no message for is still a problem: say so rather than pass it.
  for (const problem of problems) {
    if (!(problem.property in messages)) throw new Error(`No message for the form field ${problem.property}`);
  }
  return { value, errors };
}
