import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import type { Role } from '@app/domain';
import { UserEntity } from '@app/database';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { lacksCsrfHeader, sessionCookieToken } from './session-cookie';
import type { AccessTokenClaims, StaffUser } from './staff-user';

/**
 * Global guard: an access token on every route not marked @Public() — a bearer token (API clients) or the
 * console's HttpOnly session cookie — and the role a route asks for.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: StaffUser }>();
    const token = this.tokenOf(request);
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('Invalid or expired token');
    }
    // The account as it is now, not as it was when the token was issued: a deactivated user or a
    // changed role takes effect at once.
    const account = await this.users.findOne({ where: { id: claims.sub }, select: { id: true, username: true, role: true, organizationId: true, active: true, tokenVersion: true } });
    // A password reset, deactivation or role change bumps the version: every token issued before stops here.
    if (!account?.active || account.tokenVersion !== claims.ver) throw new UnauthorizedException('Invalid or expired token');
    request.user = { id: account.id, username: account.username, role: account.role, organizationId: account.organizationId };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(account.role)) throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}`);
    return true;
  }

  private tokenOf(request: Request): string {
    if (request.headers.authorization !== undefined) {
      const [scheme, token] = request.headers.authorization.split(' ');
      if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('Missing bearer token');
      return token;
    }
    const token = sessionCookieToken(request);
    if (!token) throw new UnauthorizedException('Missing bearer token');
    if (lacksCsrfHeader(request)) throw new ForbiddenException('A request signed in by the session cookie must carry X-Requested-With');
    return token;
  }
}
