import { Writable } from 'node:stream';

/** pino's numeric levels, as words of the same width. */
const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields every line has, shown in the line's head rather than repeated as key=value. */
const HEAD_FIELDS = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'context',
  'req',
  'res',
  'responseTime',
  'err',
]);

function clock(time: unknown): string {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toISOString().slice(11, 19);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

/**
 * One pino JSON record as a line a person reads in a terminal: time, level, where it came from,
 * the message, then the other fields as key=value. Request records read as "GET /path 200 12ms";
 * an error adds its stack on the lines below.
 */
export function formatLogRecord(record: Record<string, unknown>): string {
  const parts = [clock(record.time), LEVELS[record.level as number] ?? String(record.level)];
  if (typeof record.context === 'string') parts.push(`[${record.context}]`);
  const req = record.req as { method?: string; url?: string } | undefined;
  const res = record.res as { statusCode?: number } | undefined;
  if (req?.method && res?.statusCode) {
    parts.push(`${req.method} ${req.url ?? ''} ${res.statusCode}`);
    if (typeof record.responseTime === 'number') parts.push(`${record.responseTime}ms`);
  } else if (record.msg !== undefined) {
    parts.push(String(record.msg));
  }
  for (const [key, value] of Object.entries(record)) {
    if (!HEAD_FIELDS.has(key) && value !== undefined) parts.push(`${key}=${scalar(value)}`);
  }
  let line = parts.join(' ');
  const err = record.err as { type?: string; message?: string; stack?: string } | undefined;
  if (err) {
    const stack = err.stack ?? `${err.type ?? 'Error'}: ${err.message ?? ''}`;
    line += `\n  ${stack.replace(/\n/g, '\n  ')}`;
  }
  return line;
}

/** A stream for pino that prints each record with formatLogRecord; a line that is not JSON passes through. */
export function prettyLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString();
      let end = pending.indexOf('\n');
      while (end >= 0) {
        const text = pending.slice(0, end);
        pending = pending.slice(end + 1);
        let line = text;
        try {
          line = formatLogRecord(JSON.parse(text) as Record<string, unknown>);
        } catch {
          // not a JSON record: print it as it came
        }
        out.write(`${line}\n`);
        end = pending.indexOf('\n');
      }
      done();
    },
  });
}
