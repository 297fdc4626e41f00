import helmet from '@fastify/helmet';
import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { inputProblemBody, inputProblems } from './body-guard';
import { problemClientErrorHandler } from './client-error';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';
import { registerHttpObservability } from '../observability/http-observability.hooks';
import { ServiceMetrics } from '../observability/service-metrics';
import { installTracing } from '../observability/tracing';

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
export async function createHttpApp(module: Type<unknown> | DynamicModule, o: HttpAppOptions): Promise<NestFastifyApplication> {
  // X-Forwarded-For is believed only from the configured proxy hops (the gateway): loopback by default,
  // where `npm start` runs it. In a cluster, set TRUST_PROXY to the gateway's addresses (see deploy/).
  const trustProxy = process.env.TRUST_PROXY ?? 'loopback';
  installTracing(o.service);
  // __proto__ / constructor.prototype keys are refused by the JSON parser itself (400).
  const adapter = new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES, trustProxy, onProtoPoisoning: 'error', onConstructorPoisoning: 'error', clientErrorHandler: problemClientErrorHandler });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: o.bufferLogs ?? true });
  app.useLogger(app.get(Logger));
  await app.register(helmet as any, { contentSecurityPolicy: false });
  registerHttpObservability(app.getHttpAdapter().getInstance(), optionalMetrics(app));
  // Before any validation or transformation: depth, NUL and lone surrogates in the body or the query.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request: { body?: unknown; query?: unknown }, reply: any) => {
      const errors = [...inputProblems(request.body), ...inputProblems(request.query)];
      if (errors.length === 0) return;
      return reply.code(400).header('content-type', 'application/problem+json').send(inputProblemBody(errors));
    });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  // Nest routes Fastify's own errors (body too large, malformed JSON) through this filter as well.
  app.enableShutdownHooks();
  setupOpenApi(app, o);
  return app;
}

function optionalMetrics(app: INestApplication): ServiceMetrics | undefined {
  try {
    return app.get(ServiceMetrics, { strict: false });
  } catch {
    return undefined; // a test module without MetricsModule
  }
}

function setupOpenApi(app: INestApplication, o: HttpAppOptions): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, o), { jsonDocumentUrl: 'docs/openapi.json' });
}

/** The service's OpenAPI document, as served at /docs/openapi.json. */
export function createOpenApiDocument(app: INestApplication, o: Pick<HttpAppOptions, 'title' | 'description'>): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(o.title)
    .setDescription(o.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  return withSecurityRequirements(SwaggerModule.createDocument(app, config));
}

/** Either key header on every operation; optional (`{}`) on the ones marked @Public(). */
function withSecurityRequirements(document: OpenAPIObject): OpenAPIObject {
  const key = [{ bearer: [] }, { 'api-key': [] }];
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item as Record<string, any>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const isPublic = op['x-public'] === true;
      delete op['x-public'];
      op.security = isPublic ? [{}, ...key] : key;
    }
  }
  return document;
}

/**
 * The OpenAPI document of a service module without running it: Nest's preview mode builds the module
 * graph but instantiates no provider, so no database or broker is needed. The same document as the
 * running service serves (`npm run client:generate` builds the public API's document from these).
 */
export async function previewOpenApiDocument(module: Type<unknown> | DynamicModule, o: Pick<HttpAppOptions, 'title' | 'description'>): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { preview: true, logger: false });
  try {
    return createOpenApiDocument(app, o);
  } finally {
    await app.close();
  }
}
