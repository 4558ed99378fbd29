import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Delete, Get, Module, Post, type ExecutionContext, type Type } from '@nestjs/common';
import { ProblemException } from '../problem-details/problem';
import { accessPolicyOf, controllersOf, policyProblem, routePoliciesOf } from './access-policy';
import { AnyRole, Public, Roles, TeamScoped } from './auth.decorators';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { Role } from './principal';
import { TokenService } from './token-verifier';

@Controller('api/things')
class ThingsController {
  @Get()
  @Roles('analyst', 'admin')
  list() {
    return undefined;
  }

  @Post(':teamId/things')
  @AnyRole('members and coaches of the team, checked on its state')
  @TeamScoped('teamId', 'member', 'coach')
  add() {
    return undefined;
  }

  @Delete(':thingId')
  forgotten() {
    return undefined;
  }

  @Get('health')
  @Public()
  health() {
    return undefined;
  }
}

@Controller('api/audit-like')
@Roles('auditor')
class ClassLevelController {
  @Get('a')
  a() {
    return undefined;
  }

  @Get('b')
  @Roles('admin')
  b() {
    return undefined;
  }
}

@Module({ controllers: [ClassLevelController] })
class InnerModule {}

@Module({ imports: [{ module: class Dynamic {}, controllers: [ThingsController], imports: [InnerModule] }, InnerModule] })
class RootModule {}

const handler = (type: Type<unknown>, name: string) => (type.prototype as Record<string, object>)[name]!;

describe('access policies', () => {
  it('reads each route’s declared policy, the method’s over the controller’s', () => {
    expect(accessPolicyOf(handler(ThingsController, 'list'), ThingsController)).toEqual({ public: false, roles: ['analyst', 'admin'] });
    expect(accessPolicyOf(handler(ThingsController, 'add'), ThingsController)).toEqual({
      public: false,
      roles: 'any',
      why: 'members and coaches of the team, checked on its state',
      team: { param: 'teamId', teamRoles: ['member', 'coach'] },
    });
    expect(accessPolicyOf(handler(ThingsController, 'health'), ThingsController)).toEqual({ public: true, roles: undefined });
    expect(accessPolicyOf(handler(ClassLevelController, 'a'), ClassLevelController).roles).toEqual(['auditor']);
    expect(accessPolicyOf(handler(ClassLevelController, 'b'), ClassLevelController).roles).toEqual(['admin']);
  });

  it('calls a route without a declaration no policy', () => {
    const forgotten = accessPolicyOf(handler(ThingsController, 'forgotten'), ThingsController);
    expect(forgotten).toEqual({ public: false, roles: undefined });
    expect(policyProblem(forgotten)).toMatch(/no access policy/);
    expect(policyProblem(accessPolicyOf(handler(ThingsController, 'list'), ThingsController))).toBeUndefined();
  });

  it('walks a module tree — static imports and dynamic modules — to every route, once', () => {
    expect(controllersOf(RootModule).map((c) => c.name).sort()).toEqual(['ClassLevelController', 'ThingsController']);
    expect(routePoliciesOf(RootModule).map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'DELETE /api/things/:thingId',
      'GET /api/audit-like/a',
      'GET /api/audit-like/b',
      'GET /api/things',
      'GET /api/things/health',
      'POST /api/things/:teamId/things',
    ]);
  });
});

describe('JwtAuthGuard', () => {
  let tokens: TokenService;
  let guard: JwtAuthGuard;
  beforeAll(async () => {
    tokens = await TokenService.create({ devIssuer: { keyFile: join(mkdtempSync(join(tmpdir(), 'leerzone-guard-')), 'key.json') } });
    guard = new JwtAuthGuard(tokens);
  });

  const call = async (type: Type<unknown>, name: string, roles: Role[] | null) => {
    const authorization = roles ? `Bearer ${await tokens.issueDevToken({ tenantId: 'acme', userId: 'ada', roles })}` : undefined;
    const request = { headers: { authorization }, rawHeaders: authorization ? ['Authorization', authorization] : [] };
    const context = { getHandler: () => handler(type, name), getClass: () => type, switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    return guard.canActivate(context).then(
      () => 'allowed',
      (e: unknown) => (e instanceof ProblemException ? `${e.problem.status} ${e.problem.code}` : String(e)),
    );
  };

  it('lets the declared roles through and refuses the others with 403 AUTH.FORBIDDEN', async () => {
    expect(await call(ThingsController, 'list', ['analyst'])).toBe('allowed');
    expect(await call(ThingsController, 'list', ['member', 'coach', 'auditor'])).toBe('403 AUTH.FORBIDDEN');
    expect(await call(ClassLevelController, 'a', ['admin'])).toBe('403 AUTH.FORBIDDEN');
    expect(await call(ClassLevelController, 'b', ['admin'])).toBe('allowed');
  });

  it('lets any verified user through to a use case that decides itself, never an anonymous one', async () => {
    expect(await call(ThingsController, 'add', ['operator'])).toBe('allowed');
    expect(await call(ThingsController, 'add', null)).toBe('401 AUTH.UNAUTHENTICATED');
  });

  it('refuses a route that declares no policy to everyone, every role included (deny by default)', async () => {
    expect(await call(ThingsController, 'forgotten', ['member', 'coach', 'transformation-lead', 'analyst', 'confidential-officer', 'operator', 'auditor', 'admin'])).toBe('403 AUTH.NO_POLICY');
    expect(await call(ThingsController, 'forgotten', null)).toBe('401 AUTH.UNAUTHENTICATED');
  });

  it('needs no token on a public route', async () => {
    expect(await call(ThingsController, 'health', null)).toBe('allowed');
  });
});
