import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ANY_ROLE, PUBLIC_ROUTE, REQUIRED_ROLES, TEAM_SCOPE, type TeamScope } from './auth.decorators';
import type { Role } from './principal';

/**
 * A route's access policy, as its decorators declare it — the one place a use case says who
 * may call it. `roles: 'any'` lets every verified user of the tenant through to a use case
 * that decides itself (`why` says how); `undefined` means nothing was declared, and such a
 * route is refused to everyone.
 */
export interface AccessPolicy {
  readonly public: boolean;
  readonly roles: readonly Role[] | 'any' | undefined;
  readonly why?: string;
  readonly team?: TeamScope;
}

type Target = object;

const read = <T>(key: string, handler: Target, controller: Target): T | undefined =>
  (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);

/** The policy of one handler of one controller (the method's decorators win over the controller's). */
export function accessPolicyOf(handler: Target, controller: Target): AccessPolicy {
  const isPublic = read<boolean>(PUBLIC_ROUTE, handler, controller) === true;
  const roles = read<Role[]>(REQUIRED_ROLES, handler, controller);
  const why = read<string>(ANY_ROLE, handler, controller);
  const team = read<TeamScope>(TEAM_SCOPE, handler, controller);
  return {
    public: isPublic,
    roles: roles && roles.length > 0 ? roles : why !== undefined ? 'any' : undefined,
    ...(why !== undefined ? { why } : {}),
    ...(team ? { team } : {}),
  };
}

/** Whether a policy lets this principal's token roles through (the use case may still refuse). */
export const policyAdmits = (policy: AccessPolicy, roles: readonly Role[]): boolean =>
  policy.public || policy.roles === 'any' || (policy.roles !== undefined && policy.roles.some((role) => roles.includes(role)));

/** Why a policy is not a policy: nothing declared, or both public and role-bound. */
export function policyProblem(policy: AccessPolicy): string | undefined {
  if (policy.public && policy.roles !== undefined) return 'is @Public and also names roles';
  if (!policy.public && policy.roles === undefined) return 'declares no access policy (@Public, @Roles or @AnyRole)';
  return undefined;
}

export interface RoutePolicy {
  readonly method: string;
  /** Express form, as Nest mounts it: `/api/governance/teams/:teamId`. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly policy: AccessPolicy;
}

const METHODS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.HEAD]: 'HEAD',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.ALL]: 'ALL',
};

const joinPath = (...parts: string[]): string => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0).join('/')}`;
const pathsOf = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : '']);

/** Every route of one controller class with its policy. */
export function routesOfController(controller: Type<unknown>): RoutePolicy[] {
  const routes: RoutePolicy[] = [];
  const prefixes = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
  for (let proto = controller.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      const handler = Object.getOwnPropertyDescriptor(proto, name)?.value as object | undefined;
      if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
      const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'UNKNOWN';
      for (const prefix of prefixes) {
        for (const path of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
          routes.push({ method, path: joinPath(prefix, path), controller: controller.name, handler: name, policy: accessPolicyOf(handler, controller) });
        }
      }
    }
  }
  return routes;
}

type ModuleRef = Type<unknown> | DynamicModule;
const isDynamic = (m: unknown): m is DynamicModule => typeof m === 'object' && m !== null && 'module' in m;

/** Every controller a module mounts, through its imports (static metadata and dynamic modules; forward refs and async imports are not followed). */
export function controllersOf(root: ModuleRef | readonly ModuleRef[]): Type<unknown>[] {
  const seen = new Set<unknown>();
  const found = new Set<Type<unknown>>();
  const visit = (ref: unknown): void => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    const type = isDynamic(ref) ? ref.module : (ref as Type<unknown>);
    const statics = {
      imports: (Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as unknown[] | undefined) ?? [],
      controllers: (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type<unknown>[] | undefined) ?? [],
    };
    const dynamic = isDynamic(ref) ? { imports: (ref.imports ?? []) as unknown[], controllers: ref.controllers ?? [] } : { imports: [], controllers: [] };
    if (!isDynamic(ref) || !seen.has(type)) {
      seen.add(type);
      statics.controllers.forEach((c) => found.add(c));
      statics.imports.forEach(visit);
    }
    dynamic.controllers.forEach((c) => found.add(c));
    dynamic.imports.forEach(visit);
  };
  (Array.isArray(root) ? root : [root]).forEach(visit);
  return [...found];
}

/** Every route a module tree mounts, with its policy, in mount order. */
export const routePoliciesOf = (root: ModuleRef | readonly ModuleRef[]): RoutePolicy[] => controllersOf(root).flatMap(routesOfController);
