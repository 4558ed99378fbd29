import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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

/** What the development issuer answers: an OAuth-style token response, not a command answer. */
const DEV_TOKEN_ANSWER = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in', 'issuer', 'warning'],
  additionalProperties: false,
  properties: {
    access_token: { type: 'string', description: 'The signed bearer token (a JWT of the development issuer).' },
    token_type: { type: 'string', enum: ['Bearer'] },
    expires_in: { type: 'integer', minimum: 60, description: 'Seconds until the token expires.' },
    issuer: { type: 'string', enum: [DEV_ISSUER] },
    warning: { type: 'string' },
  },
};

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
  @ApiOkResponse({
    description: 'A bearer token of the development issuer.',
    schema: DEV_TOKEN_ANSWER,
    example: { access_token: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImRldi0xIn0.eyJ0aWQiOiJhY21lIn0.c2ln', token_type: 'Bearer', expires_in: 3600, issuer: DEV_ISSUER, warning: 'Development issuer: …' },
  })
  @ApiForbiddenResponse({
    description: 'The caller is not on this machine (and remote callers are not allowed).',
    content: {
      'application/problem+json': {
        schema: { $ref: '#/components/schemas/ProblemDetails' },
        example: { type: 'https://leerzone.dev/problems/auth-dev-issuer-local-only', title: 'Forbidden', status: 403, detail: 'The development issuer answers callers on this machine only.', code: 'AUTH.DEV_ISSUER_LOCAL_ONLY' },
      },
    },
  })
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
