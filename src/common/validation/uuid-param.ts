import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';
import { documentErrorCodes } from '../http/api-errors.decorator';

const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError(CommonErrors.INVALID_ID),
});

/**
 * A path parameter that must be a UUID; anything else is a 400 before the handler runs. It documents
 * itself: `format: uuid` on the parameter and REQUEST.INVALID_ID among the route's 400 codes.
 */
export const UuidParam =
  (name = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(name, uuidPipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    ApiParam({ name, type: String, format: 'uuid' })(target, key, descriptor);
    documentErrorCodes(descriptor.value as object, [CommonErrors.INVALID_ID]);
  };
