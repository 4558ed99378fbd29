import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ProblemException } from '../problem-details/problem';
import { accessPolicyOf, policyAdmits, policyProblem } from './access-policy';
import type { Principal } from './principal';
import { TokenService } from './token-verifier';

/**
 * Global guard, the first check of every use case: a valid bearer token unless the route is
 * `@Public()`, and then the route's declared policy (`@Roles`, `@AnyRole`). A route that
 * declares none is refused to everyone — deny by default — and the route × role test
 * (services/standalone) finds it before anyone calls it.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = accessPolicyOf(context.getHandler(), context.getClass());
    if (policy.public && policy.roles === undefined) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; rawHeaders?: string[]; principal?: Principal }>();
    // Node keeps the first of two Authorization headers; a proxy may have judged the other. Two is one too many.
    if ((request.rawHeaders ?? []).filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'authorization').length > 1) {
      throw ProblemException.of(401, 'AUTH.UNAUTHENTICATED', 'Send one Authorization header, not several.', { reason: 'malformed' });
    }
    const principal = await this.tokens.verify(request.headers['authorization']);
    request.principal = principal;
    if (policyProblem(policy) !== undefined) {
      throw ProblemException.of(403, 'AUTH.NO_POLICY', 'This route declares no access policy, so it is refused to everyone.');
    }
    if (!policyAdmits(policy, principal.roles)) {
      throw ProblemException.of(403, 'AUTH.FORBIDDEN', `This needs one of the roles: ${(policy.roles as readonly string[]).join(', ')}.`);
    }
    return true;
  }
}
