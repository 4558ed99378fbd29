import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { completeOpenApi } from './openapi-completion';

/** Swagger UI at /docs, the document at /docs-json. */
export function setupOpenApi(app: INestApplication, title: string, description: string): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => completeOpenApi(SwaggerModule.createDocument(app, config)), { jsonDocumentUrl: 'docs-json' });
}
