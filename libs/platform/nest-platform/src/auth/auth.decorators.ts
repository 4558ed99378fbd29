import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal, Role, TeamRole } from './principal';

export const PUBLIC_ROUTE = 'leerzone:public';
export const REQUIRED_ROLES = 'leerzone:roles';
export const ANY_ROLE = 'leerzone:any-role';
export const TEAM_SCOPE = 'leerzone:team-scope';

/** The route needs no token (health, docs, the development issuer). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-leerzone-public', true));

/**
 * The caller needs at least one of these tenant-wide roles (the token's `roles`). On a
 * method or on the controller (the method's wins). The roles are also in the OpenAPI
 * document (`x-leerzone-roles`), where the security suite reads whom to try.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension('x-leerzone-roles', roles));

/**
 * Any verified user of the tenant passes the route, whatever their roles, because the use
 * case itself decides who may (say why: "the caller's own reports only", "the officer;
 * anyone else 404 and the attempt recorded"). Saying so is the policy: a route without
 * `@Public`, `@Roles` or `@AnyRole` is refused to everyone (deny by default).
 */
export const AnyRole = (why: string) => applyDecorators(SetMetadata(ANY_ROLE, why), ApiExtension('x-leerzone-roles', 'any'));

/** What `@TeamScoped` declares: the path parameter naming the team, and the team roles that act in it. */
export interface TeamScope {
  readonly param: string;
  /** Team roles (governance's membership) that may act, beside the tenant-wide roles the use case lets act on every team. */
  readonly teamRoles: readonly TeamRole[];
}

/**
 * The route acts in the team its `param` names, and the caller's token roles are not
 * enough: the use case also checks the caller's roles **in that team** — governance's
 * membership (`MemberAdded`, `MemberRolesChanged`), checked on the team's own state inside
 * the decision or through the service's team directory. Declared here so that the route ×
 * role table shows it and the security suite tries a member of another team on it.
 */
export const TeamScoped = (param: string, ...teamRoles: TeamRole[]) =>
  applyDecorators(SetMetadata(TEAM_SCOPE, { param, teamRoles } satisfies TeamScope), ApiExtension('x-leerzone-team-scope', { param, teamRoles }));

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route.');
  return principal;
});
