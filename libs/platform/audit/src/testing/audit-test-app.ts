import { Body, Controller, HttpCode, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reject, type CommandContext, type Decider } from '@leerzone/kernel';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { AnyRole, Command, CommandExecutor, PlatformModule, TokenService, createHttpApp, type Role } from '@leerzone/nest-platform';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { AuditModule } from '../http/audit.module';
import type { AnyAuditedAggregate } from '../trail/audit-registry';

// A small team aggregate and a confidential case aggregate, standing in for the services'.
type TeamCommand = { type: 'CreateTeam'; data: { name: string } } | { type: 'RenameTeam'; data: { name: string } };
type TeamEvent = { type: 'TeamCreated'; data: { name: string } } | { type: 'TeamRenamed'; data: { name: string } };
interface TeamState {
  readonly exists: boolean;
  readonly name?: string;
  readonly formerNames: ReadonlySet<string>;
}
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: { exists: false, formerNames: new Set() },
  decide: (command, state) => {
    if (command.type === 'CreateTeam') return state.exists ? reject('conflict', 'TEAM.EXISTS', 'The team exists.') : [{ type: 'TeamCreated', data: command.data }];
    return state.exists ? [{ type: 'TeamRenamed', data: command.data }] : reject('not-found', 'TEAM.NOT_FOUND', 'No such team.');
  },
  evolve: (state, event) =>
    event.type === 'TeamCreated'
      ? { exists: true, name: event.data.name, formerNames: new Set() }
      : { ...state, name: event.data.name, formerNames: new Set([...state.formerNames, state.name!]) },
};

type CaseEvent = { type: 'CaseNoted'; data: { note: string } };
export const caseDecider: Decider<{ type: 'NoteCase'; data: { note: string } }, CaseEvent, { notes: string[] }> = {
  initialState: { notes: [] },
  decide: (command) => [{ type: 'CaseNoted', data: command.data }],
  evolve: (state, event) => ({ notes: [...state.notes, event.data.note] }),
};

export const testAggregates: AnyAuditedAggregate[] = [
  { streamPrefix: 'team-', name: 'test.team', initialState: teamDecider.initialState, evolve: teamDecider.evolve },
  { streamPrefix: 'case-', name: 'test.case', initialState: caseDecider.initialState, evolve: caseDecider.evolve, confidential: true },
];

@Controller('test')
class TestCommandsController {
  constructor(private readonly commands: CommandExecutor) {}

  @Post('teams/:teamId')
  @AnyRole('a test route: any user of the tenant writes to the test team')
  @HttpCode(200)
  async team(@Param('teamId') teamId: string, @Body() body: { type: 'CreateTeam' | 'RenameTeam'; name: string }, @Command() context: CommandContext) {
    const { events } = await this.commands.execute(teamDecider, `team-${teamId}`, { type: body.type, data: { name: body.name } }, context);
    return { globalPositions: events.map((event) => event.globalPosition) };
  }

  @Post('cases/:caseId')
  @AnyRole('a test route: any user of the tenant writes to the test case')
  @HttpCode(200)
  async note(@Param('caseId') caseId: string, @Body() body: { note: string }, @Command() context: CommandContext) {
    const { events } = await this.commands.execute(caseDecider, `case-${caseId}`, { type: 'NoteCase', data: { note: body.note } }, context);
    return { globalPositions: events.map((event) => event.globalPosition) };
  }
}

export interface AuditTestApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly store: SqliteEventStore;
  token(tenantId: string, userId: string, roles: Role[]): Promise<string>;
  close(): Promise<void>;
}

/** The platform, the audit API and a test command surface, on an SQLite store in a temp dir, listening on 127.0.0.1. */
export async function startAuditTestApp(): Promise<AuditTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-audit-api-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
  // A variable, not a literal: PlatformOptions is gaining fields (projection store) while this is written.
  const platformOptions = {
    auth: { devIssuer: { keyFile: join(dir, 'dev-key.json') } },
    eventStore: async () => store,
    projectionStore: async () => new InMemoryProjectionStore(),
  };
  @Module({ imports: [PlatformModule.forRoot(platformOptions), AuditModule.forRoot({ checkpoints: { keyFile: join(dir, 'audit.pem'), intervalMs: 3_600_000 } }), AuditModule.forFeature(testAggregates)], controllers: [TestCommandsController] })
  class AuditTestModule {}
  const app = await createHttpApp(AuditTestModule, { title: 'audit test', description: 'test', logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const tokens = app.get(TokenService);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    store,
    token: (tenantId, userId, roles) => tokens.issueDevToken({ tenantId, userId, roles }),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
