import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { jsonSchemaOf, parseRequest } from '../validation/parse-request';
import { Public } from './auth.decorators';
import { ROLES } from './principal';
import { DEV_ISSUER, TokenService } from './token-verifier';

const DevTokenRequest = z.strictObject({
  tenantId: z.string().trim().min(1).max(100),
  userId: z.string().trim().min(1).max(100),
  roles: z.array(z.enum(ROLES)).min(1).default(['member']),
  ttlSeconds: z.number().int().min(60).max(7 * 24 * 3600).optional(),
});

/** The development issuer: only mounted when enabled (standalone mode), never in production. */
@ApiTags('auth (development only)')
@Controller('api/auth')
export class DevTokenController {
  constructor(private readonly tokens: TokenService) {}

  @Public()
  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'DEVELOPMENT ISSUER: issue a bearer token for any tenant, user and roles. Disabled in production.' })
  @ApiBody({ schema: jsonSchemaOf(DevTokenRequest) })
  async issue(@Body() body: unknown) {
    const request = parseRequest(DevTokenRequest, body);
    const accessToken = await this.tokens.issueDevToken({ tenantId: request.tenantId, userId: request.userId, roles: request.roles }, request.ttlSeconds);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: request.ttlSeconds ?? 8 * 3600,
      issuer: DEV_ISSUER,
      warning: 'Development issuer: anyone can obtain any role here. Never enable it in production.',
    };
  }
}
