import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DraftContentDto } from '../../modules/applications/dto/application.dto';

/**
 * A step's answers checked by the very DTO the JSON API validates a draft with, so a page allows
 * exactly what the API allows. Gives the DTO and the dotted paths of the properties it refuses
 * (`title`, `goals.0.contribution`, `budgetLines.2.amount`), for the step to name its own fields.
 */
export async function validateDraft(
  plain: Record<string, unknown>,
): Promise<{ dto: DraftContentDto; refused: string[] }> {
  const dto = plainToInstance(DraftContentDto, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return { dto, refused: errors.flatMap((error) => paths(error, '')) };
}

function paths(error: ValidationError, prefix: string): string[] {
  const path = `${prefix}${error.property}`;
  const own = error.constraints && Object.keys(error.constraints).length ? [path] : [];
  return [...own, ...(error.children ?? []).flatMap((child) => paths(child, `${path}.`))];
}
