import { formatLogRecord, prettyLogStream } from './pretty-log';
import { Writable } from 'node:stream';
import pino from 'pino';

const AT = Date.UTC(2026, 11, 6, 8, 31, 2);

describe('readable log lines', () => {
  it.each([
    [
      'a message with its context and fields',
      {
        level: 30,
        time: AT,
        pid: 1,
        hostname: 'h',
        context: 'MailTransport',
        msg: 'Mail written',
        path: '/tmp/a b.eml',
      },
      '08:31:02 INFO  [MailTransport] Mail written path="/tmp/a b.eml"',
    ],
    [
      'a finished request',
      {
        level: 30,
        time: AT,
        req: { id: 1, method: 'GET', url: '/api/public/competitions' },
        res: { statusCode: 200 },
        responseTime: 12,
        msg: 'request completed',
      },
      '08:31:02 INFO  GET /api/public/competitions 200 12ms',
    ],
    [
      'a warning with a number and an object',
      { level: 40, time: AT, msg: 'slow', ms: 1500, job: { name: 'x' } },
      '08:31:02 WARN  slow ms=1500 job={"name":"x"}',
    ],
  ])('%s', (_name, record, line) => {
    expect(formatLogRecord(record)).toBe(line);
  });

  it('puts an error stack on the lines below, indented', () => {
    const text = formatLogRecord({ level: 50, time: AT, msg: 'failed', err: { stack: 'Error: boom\n    at here' } });
    expect(text).toBe('08:31:02 ERROR failed\n  Error: boom\n      at here');
  });

  it('turns what pino writes into lines, whole records only, and keeps text that is not JSON', async () => {
    const out: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk.toString());
        done();
      },
    });
    const stream = prettyLogStream(sink);
    const logger = pino({ base: undefined, timestamp: () => `,"time":${AT}` }, stream);
    logger.info({ context: 'Test' }, 'hello');
    stream.write('plain text\n{"level":30,');
    stream.write(`"time":${AT},"msg":"split"}\n`);
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(out.join('')).toBe('08:31:02 INFO  [Test] hello\nplain text\n08:31:02 INFO  split\n');
  });
});
