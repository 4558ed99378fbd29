import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../problem-details/problem';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { Principal, Role } from './principal';
import { TokenService } from './token-verifier';

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; rawHeaders?: string[]; principal?: Principal }>();
    // Node keeps the first of two Authorization headers; a proxy may have judged the other. Two is one too many.
    if ((request.rawHeaders ?? []).filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'authorization').length > 1) {
      throw ProblemException.of(401, 'AUTH.UNAUTHENTICATED', 'Send one Authorization header, not several.', { reason: 'malformed' });
    }
    const principal = await this.tokens.verify(request.headers['authorization']);
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && required.length > 0 && !required.some((role) => principal.roles.includes(role))) {
      throw ProblemException.of(403, 'AUTH.FORBIDDEN', `This needs one of the roles: ${required.join(', ')}.`);
    }
    return true;
  }
}
