import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from './validation.pipe';

class Goal {
  @IsString()
  code!: string;
}

class Body {
  @IsInt()
  count!: number;

  @ValidateNested({ each: true })
  @Type(() => Goal)
  goals!: Goal[];
}

describe('validation pipe', () => {
  it('names every bad field with its path, unknown fields included', async () => {
    const pipe = createValidationPipe();
    const error = await pipe
      .transform({ count: 'x', goals: [{ code: 'G1' }, { code: 7, extra: 1 }], status: 'awarded' }, { type: 'body', metatype: Body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const { code, details } = error as DomainError;
    expect(code).toBe('REQUEST.VALIDATION_FAILED');
    expect((details!.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['count', 'goals.1.code', 'goals.1.extra', 'status']);
  });
});
