import helmet from '@fastify/helmet';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';

export const MAX_BODY_BYTES = 100 * 1024;

export interface HttpAppOptions {
  service: string;
  title: string;
  description: string;
  /** Log through pino (off in some tests to keep output readable). */
  bufferLogs?: boolean;
}

/**
 * The one way every service builds its HTTP app: Fastify (body limit 100 KB → 413), Helmet headers,
 * strict validation, RFC 9457 errors, OpenAPI at /docs, graceful shutdown hooks.
 */
export async function createHttpApp(module: Type<unknown>, o: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: o.bufferLogs ?? true });
  app.useLogger(app.get(Logger));
  await app.register(helmet as any, { contentSecurityPolicy: false });
  const filter = new ProblemDetailsFilter();
  app.useGlobalFilters(filter);
  app.useGlobalPipes(createValidationPipe());
  // Errors Fastify raises before Nest sees the request (body too large, malformed JSON).
  app
    .getHttpAdapter()
    .getInstance()
    .setErrorHandler((error: any, request: any, reply: any) => {
      filter.catch(error, {
        switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
      } as any);
    });
  app.enableShutdownHooks();
  setupOpenApi(app, o);
  return app;
}

function setupOpenApi(app: INestApplication, o: HttpAppOptions): void {
  const config = new DocumentBuilder()
    .setTitle(o.title)
    .setDescription(o.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
