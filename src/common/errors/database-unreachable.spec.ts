import { QueryFailedError } from 'typeorm';
import { databaseUnreachable } from './error.filter';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const failed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('databaseUnreachable', () => {
  it('recognises a server that went away or refused a connection', () => {
    for (const error of [
      failed(pgError('57P01', 'terminating connection due to administrator command')),
      failed(pgError('57P03', 'the database system is starting up')),
      failed(pgError('08006')),
      failed(pgError('53300', 'sorry, too many clients already')),
      failed(new Error('Connection terminated unexpectedly')),
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect({ message: (error as Error).message, unreachable: databaseUnreachable(error) }).toEqual({
        message: (error as Error).message,
        unreachable: true,
      });
    }
  });

  it('leaves the request’s own mistakes and everything else alone', () => {
    for (const error of [
      failed(pgError('08P01', 'bind message has too many parameters')),
      failed(pgError('23505')),
      failed(pgError('22P02')),
      failed(pgError('40001')),
      new Error('boom'),
      null,
      'text',
    ]) {
      expect(databaseUnreachable(error)).toBe(false);
    }
  });
});
