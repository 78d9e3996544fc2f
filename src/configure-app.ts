import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';
import { mountQueueBoard } from './modules/notifications/queue-board';

/** Every tag a controller uses, in reading order, with what its routes are for. */
const TAGS: Record<string, string> = {
  health: 'Liveness and readiness of the api process and its PostgreSQL and Redis',
  auth: 'Registration, sign-in with access and refresh tokens, email confirmation and password reset',
  users: 'Accounts and their roles, managed by admins',
  geography: 'Regions, districts and villages (with optional KATO codes)',
  plans: 'Village development plans and their goals: drafted, adopted, archived, versioned',
  competitions: 'Calls for applications: budget, award limits, dates, eligible villages and rules, frozen once open',
  applications:
    'An applicant’s proposal: draft, submit (content frozen, reference given), withdraw; screening by staff',
  attachments: 'Files of an application, with the marking of those that reveal the applicant',
  'review rounds': 'Screening and scoring rounds: the published scoring method, opened, closed and finalized',
  jury: 'The panel of a competition and each juror’s conflict declarations',
  assignments: 'Which juror reviews which application: the assignment engine’s runs and a manager’s changes',
  'juror workspace': 'A juror’s assigned applications, blind where the round is, and their scoresheets',
  'round results': 'The frozen outcome of a round: ranking, disputes, reliability, recomputation and progress',
  awards:
    'The allocation over the final ranking; awards proposed, approved (four eyes), accepted or declined; their tranche schedules, files and milestone reports',
  payments: 'Payments recorded against approved tranches (with an Idempotency-Key), and failed payments',
  reports: 'Funding figures by budget, district, village and plan goal for staff',
  'open data': 'Unauthenticated reads: open competitions, awarded grants, figures and the 360Giving export',
  audit: 'The append-only, hash-chained audit log and its verification',
  notifications: 'The outbox of messages: delivery status and retries of failed ones',
};

/**
 * Fields a form may carry: a competition's setup form ticks eligible villages one by one, and a
 * national call has thousands (Express's default is 1,000). The byte limit still bounds the body;
 * past the count, a form is refused with 413.
 */
export const FORM_PARAMETER_LIMIT = 10_000;

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Start Up grant competition service')
    .setDescription(
      'Village development plans, Start Up competitions, review and awards. Every route lists the roles ' +
        'that may call it (`x-roles`; `public` needs no token) and the error codes it answers with. ' +
        'Errors have one shape: `{ code, message, details }`. The `code` and `details` never change with ' +
        'the language; the `message` is in the caller’s language: a signed-in person’s preferred language, ' +
        'otherwise the best of `Accept-Language` among `kk`, `ru` and `en` (regions such as `ru-RU` count, ' +
        'q-values are honoured, `*` means Kazakh), otherwise English; `Content-Language` says which. ' +
        'Money is in minor units (tiyn) as integer strings.',
    )
    .setVersion('0.1.0')
    .addBearerAuth();
  for (const [name, description] of Object.entries(TAGS)) config.addTag(name, description);
  return SwaggerModule.createDocument(app, config.build());
}

/** Everything main.ts and the tests share: body limits, validation, OpenAPI, logging. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // Which proxies may set X-Forwarded-For (client addresses feed the rate limits): only those named.
  app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.disable('x-powered-by');
  // Pages, JSON and CSV go out compressed (a page must stay light on a slow mobile network); the
  // hashed assets are compressed once at start and say so, so this leaves them alone.
  app.use(compression({ threshold: 1024 }));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false, parameterLimit: FORM_PARAMETER_LIMIT });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  mountQueueBoard(app);
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
}
