import { Type } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';

/** Documents a request body by its DTO with one worked example, shown and sent by the OpenAPI console. */
export const ApiExampleBody = (type: Type<unknown>, summary: string, value: object): MethodDecorator =>
  ApiBody({ type, examples: { example: { summary, value } } });
