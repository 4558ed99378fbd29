import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ProblemException } from '../problem-details/problem';
import { jsonSchemaOf, parseRequest } from '../validation/parse-request';
import { Public } from './auth.decorators';
import { ROLES } from './principal';
import { DEFAULT_DEV_TOKEN_TTL_SECONDS, DEV_ISSUER, TokenService } from './token-verifier';

const DevTokenRequest = z.strictObject({
  tenantId: z.string().trim().min(1).max(100),
  userId: z.string().trim().min(1).max(100),
  roles: z.array(z.enum(ROLES)).min(1).default(['member']),
  ttlSeconds: z.number().int().min(60).max(7 * 24 * 3600).optional(),
});

interface CallerRequest {
  readonly socket: { readonly remoteAddress?: string | undefined };
  readonly headers: Record<string, string | string[] | undefined>;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * A caller on this machine: the TCP peer is a loopback address and no proxy says it forwards
 * someone else (a proxy on this machine would otherwise make every caller look local).
 * Express's `trust proxy` is off, so nothing here comes from what the caller claims.
 */
export function isLoopbackCaller(request: CallerRequest): boolean {
  const peer = request.socket.remoteAddress ?? '';
  const forwarded = ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((name) => request.headers[name] !== undefined);
  return LOOPBACK.test(peer) && !forwarded;
}

/** The development issuer: only mounted when enabled (standalone mode), refused at start in production. */
@ApiTags('auth (development only)')
@Controller('api/auth')
export class DevTokenController {
  constructor(private readonly tokens: TokenService) {}

  @Public()
  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'DEVELOPMENT ISSUER: issue a bearer token for any tenant (not the platform\'s "_…" tenants), user and roles. Answers callers on this machine only unless AUTH_DEV_ISSUER_ALLOW_REMOTE=true; rate-limited; refused at start in production.',
  })
  @ApiBody({ schema: jsonSchemaOf(DevTokenRequest) })
  async issue(@Body() body: unknown, @Req() request: CallerRequest) {
    if (!this.tokens.devTokensForRemoteCallers && !isLoopbackCaller(request)) {
      throw ProblemException.of(403, 'AUTH.DEV_ISSUER_LOCAL_ONLY', 'The development issuer answers callers on this machine only.');
    }
    const wanted = parseRequest(DevTokenRequest, body);
    const ttlSeconds = wanted.ttlSeconds ?? DEFAULT_DEV_TOKEN_TTL_SECONDS;
    const accessToken = await this.tokens.issueDevToken({ tenantId: wanted.tenantId, userId: wanted.userId, roles: wanted.roles }, ttlSeconds);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ttlSeconds,
      issuer: DEV_ISSUER,
      warning: 'Development issuer: anyone on this machine can obtain any role here. Never enable it in production.',
    };
  }
}
