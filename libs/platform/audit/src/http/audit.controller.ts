import { Controller, Get, Header, Inject, Optional, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@leerzone/kernel';
import { Command, ProblemException, Roles, parseRequest } from '@leerzone/nest-platform';
import { CheckpointSigner } from '../integrity/checkpoint-keys';
import { AuditQueryError, AuditTrail } from '../trail/audit-trail';
import type { ReadContext } from '../trail/read-recorder';
import { AUDIT_EXAMPLES } from './audit-examples';
import { ActorParams, ActorQuery, CorrelationParams, CorrelationQuery, DiffQuery, HistoryQuery, StateQuery, StreamParams } from './audit-requests';

const readContext = (context: CommandContext): ReadContext => ({
  tenantId: context.tenantId,
  userId: context.actor.id,
  correlationId: context.correlationId,
  causationId: context.causationId,
  ...(context.reason ? { reason: context.reason } : {}),
  ...(context.traceparent ? { traceparent: context.traceparent } : {}),
});

const asProblem = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AuditQueryError) throw ProblemException.of(error.status, error.code, error.message, error.field ? { field: error.field } : {});
    throw error;
  }
};

/**
 * The audit trail over HTTP, for auditors and admins of the caller's tenant only. Reads of
 * confidential streams are recorded (who, what, when, `X-Reason` as the why).
 */
@ApiTags('audit')
@Controller('api/audit')
@Roles('auditor', 'admin')
export class AuditController {
  constructor(
    private readonly trail: AuditTrail,
    @Optional() @Inject(CheckpointSigner) private readonly signer?: CheckpointSigner,
  ) {}

  @Get('streams/:streamId/events')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The history of one aggregate: every event with type, data, actor, reason, times, correlation, causation, trace and hash.' })
  @ApiOkResponse({ schema: { example: AUDIT_EXAMPLES.history } })
  history(@Param() params: unknown, @Query() query: unknown, @Command() context: CommandContext) {
    const { streamId } = parseRequest(StreamParams, params, 'params');
    const { fromPosition, limit } = parseRequest(HistoryQuery, query, 'query');
    return asProblem(() => this.trail.history(readContext(context), streamId, { fromPosition, limit }));
  }

  @Get('streams/:streamId/state')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The aggregate's state as of a timestamp (`at`), on the recorded (default) or occurred timeline." })
  @ApiOkResponse({ schema: { example: AUDIT_EXAMPLES.state } })
  state(@Param() params: unknown, @Query() query: unknown, @Command() context: CommandContext) {
    const { streamId } = parseRequest(StreamParams, params, 'params');
    const { at, timeline } = parseRequest(StateQuery, query, 'query');
    return asProblem(() => this.trail.stateAt(readContext(context), streamId, at, timeline));
  }

  @Get('streams/:streamId/diff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'What changed in the aggregate between two timestamps: the state changes and the events that made them.' })
  @ApiOkResponse({ schema: { example: AUDIT_EXAMPLES.diff } })
  diff(@Param() params: unknown, @Query() query: unknown, @Command() context: CommandContext) {
    const { streamId } = parseRequest(StreamParams, params, 'params');
    const { from, to, timeline } = parseRequest(DiffQuery, query, 'query');
    return asProblem(() => this.trail.diff(readContext(context), streamId, from, to, timeline));
  }

  @Get('actors/:actorId/events')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Everything one actor did in a period [from, to), oldest first, paged with `after`.' })
  @ApiOkResponse({ schema: { example: AUDIT_EXAMPLES.page } })
  byActor(@Param() params: unknown, @Query() query: unknown, @Command() context: CommandContext) {
    const { actorId } = parseRequest(ActorParams, params, 'params');
    const { from, to, limit, after } = parseRequest(ActorQuery, query, 'query');
    return asProblem(() => this.trail.byActor(readContext(context), actorId, { ...(from ? { from } : {}), ...(to ? { to } : {}) }, { limit, ...(after ? { after } : {}) }));
  }

  @Get('correlations/:correlationId/events')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Everything that followed from one request (one correlation id), in global order, paged with `after`.' })
  @ApiOkResponse({ schema: { example: AUDIT_EXAMPLES.page } })
  byCorrelation(@Param() params: unknown, @Query() query: unknown, @Command() context: CommandContext) {
    const { correlationId } = parseRequest(CorrelationParams, params, 'params');
    const { limit, after } = parseRequest(CorrelationQuery, query, 'query');
    return asProblem(() => this.trail.byCorrelation(readContext(context), correlationId, { limit, ...(after ? { after } : {}) }));
  }

  @Get('integrity/public-key')
  @ApiOperation({ summary: 'The Ed25519 public key that verifies this installation’s signed checkpoints (`audit verify --public-key`).' })
  @ApiOkResponse({ schema: { example: AUDIT_EXAMPLES.publicKey } })
  publicKey() {
    if (!this.signer) throw ProblemException.notFound('AUDIT.NO_CHECKPOINT_KEY', 'This installation does not sign checkpoints.');
    return { keyId: this.signer.keyId, algorithm: 'Ed25519', publicKeyPem: this.signer.publicKeyPem };
  }
}
