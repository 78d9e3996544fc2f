import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';
import { mountQueueBoard } from './modules/notifications/queue-board';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Start Up grant competition service')
    .setDescription(
      'Village development plans, Start Up competitions, review and awards. Every route lists the roles ' +
        'that may call it (`x-roles`; `public` needs no token) and the error codes it answers with. ' +
        'Errors have one shape: `{ code, message, details }`. Money is in minor units (tiyn) as integer strings.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Everything main.ts and the tests share: body limits, validation, OpenAPI, logging. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // Which proxies may set X-Forwarded-For (client addresses feed the rate limits): only those named.
  app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  mountQueueBoard(app);
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
}
