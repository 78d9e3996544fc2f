import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Options } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { prettyLogStream } from './pretty-log';

/** Personal data never reaches the logs: these paths are replaced wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.email',
  '*.phone',
  '*.fullName',
  '*.refreshToken',
  '*.accessToken',
  // A failed query carries its parameters (emails, names, hashes) and PostgreSQL's detail text,
  // on the error and again on its driverError.
  '*.parameters',
  '*.detail',
  'err.driverError',
  '*.err.driverError',
];

function httpLogOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
    },
  };
}

/** JSON lines on stdout (pino's own fast destination), or readable lines for a terminal (LOG_FORMAT). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: config.logFormat === 'pretty' ? [httpLogOptions(config), prettyLogStream()] : httpLogOptions(config),
      }),
    }),
  ],
})
export class LoggingModule {}
