import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { REDACTED_PATHS } from './logging.module';

describe('log redaction', () => {
  it('keeps personal data and secrets out of the logs', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: { headers: { authorization: 'Bearer secret-token', cookie: 'sid=1' } },
      body: { email: 'aigerim@example.kz', password: 'hunter22', phone: '+77010000000', fullName: 'Aigerim N.' },
      err: {
        message: 'duplicate key',
        parameters: ['aigerim@example.kz', '$argon2id$...'],
        detail: 'Key (email)=(aigerim@example.kz) already exists.',
      },
    });
    const driverError = Object.assign(new Error('duplicate key value'), {
      detail: 'Failing row contains (aigerim@example.kz, hunter22).',
    });
    logger.error(
      { err: new QueryFailedError('INSERT INTO users ...', ['aigerim@example.kz', 'hunter22'], driverError) },
      'Unhandled error',
    );
    const text = lines.join('');
    for (const secret of [
      'secret-token',
      'sid=1',
      'aigerim@example.kz',
      'hunter22',
      '+77010000000',
      'Aigerim N.',
      'argon2id',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('duplicate key');
  });
});
