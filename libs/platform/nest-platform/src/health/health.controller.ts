import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ReadinessRegistry } from './readiness';

// Set by the start function (or a parent via LEERZONE_INSTANCE_ID) before the app is created.
const INSTANCE_ID = (): string => process.env['LEERZONE_INSTANCE_ID'] ?? 'unnamed';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up. `instanceId` tells one process from another that later took its port.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['up'] }, instanceId: { type: 'string' } }, example: { status: 'up', instanceId: '5b0e3c0e-8d9f-4b57-9a4f-2f1d0c7e6a11' } } })
  live() {
    return { status: 'up', instanceId: INSTANCE_ID() };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The service can answer correctly: its store is reachable and its read models have caught up.' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ready', 'not-ready'] }, checks: { type: 'object', additionalProperties: { type: 'object', properties: { ready: { type: 'boolean' }, details: { type: 'object' } } } } },
      example: { status: 'ready', checks: { projections: { ready: true, details: { projections: [{ name: 'governance.teams', state: 'live', lag: 0 }] } }, messaging: { ready: true, details: { transport: 'in-process' } } } },
    },
  })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the same body with `status: not-ready` and the failing check.' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const results = await Promise.all(
      this.readiness.all().map(async (c) => {
        try {
          return { name: c.name, ...(await c.check()) };
        } catch (error) {
          return { name: c.name, ready: false, details: { error: error instanceof Error ? error.message : String(error) } };
        }
      }),
    );
    const ready = results.every((r) => r.ready);
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'not-ready', checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])) };
  }
}
