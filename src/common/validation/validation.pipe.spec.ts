import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe, MAX_INPUT_DEPTH } from './validation.pipe';

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
      .transform(
        { count: 'x', goals: [{ code: 'G1' }, { code: 7, extra: 1 }], status: 'awarded' },
        { type: 'body', metatype: Body },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const { code, details } = error as DomainError;
    expect(code).toBe('REQUEST.VALIDATION_FAILED');
    expect((details!.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'count',
      'goals.1.code',
      'goals.1.extra',
      'status',
    ]);
  });

  const refusal = async (value: unknown) => {
    const error = await createValidationPipe()
      .transform(value, { type: 'body', metatype: Body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details!.fields as { field: string; problems: string[] }[];
  };

  it('refuses prototype keys and inherited method names at any depth, which class-transformer would otherwise drop without a word', async () => {
    const fields = await refusal(
      JSON.parse(
        '{"count":1,"goals":[{"code":"G1","constructor":{}}],"__proto__":{"count":2},"prototype":1,"toString":null}',
      ),
    );
    expect(fields.map((f) => f.field).sort()).toEqual(['__proto__', 'goals.0.constructor', 'prototype', 'toString']);
  });

  it('refuses input nested deeper than the limit without recursing into it', async () => {
    const deep = JSON.parse(`{"count":1,"goals":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const fields = await refusal(deep);
    expect(fields).toEqual([
      {
        field: `goals${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`,
        problems: [expect.stringContaining(`${MAX_INPUT_DEPTH} levels`)],
      },
    ]);
  });
});
