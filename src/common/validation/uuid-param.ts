import { Param, ParseUUIDPipe } from '@nestjs/common';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';

const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError(CommonErrors.INVALID_ID),
});

/** A path parameter that must be a UUID; anything else is a 400 before the handler runs. */
export const UuidParam = (name = 'id'): ParameterDecorator => Param(name, uuidPipe);
