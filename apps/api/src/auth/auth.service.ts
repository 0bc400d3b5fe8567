import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { compare } from 'bcryptjs';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { UserEntity } from '@app/database';
import type { LoginResponse } from './login.dto';
import { LoginThrottleService } from './login-throttle.service';
import type { AccessTokenClaims } from './staff-user';

// Compared against when the user does not exist, so both failures take the same time.
const UNKNOWN_USER_HASH = '$2b$10$XQeQKrhhg2hbqK7xvr4DDO5WwWvdjHkZF9wDYpWOvj8IDck8CezZ.';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly lockout: LoginThrottleService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    await this.lockout.assertNotLocked(username);
    const user = await this.users.findOne({ where: { username } });
    const matches = await compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !user.active || !matches) {
      await this.lockout.recordFailure(username);
      throw new UnauthorizedException('Wrong username or password');
    }
    await this.lockout.recordSuccess(username);
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, role: user.role, org: user.organizationId };
    return { accessToken: await this.jwt.signAsync(claims), expiresIn: this.config.JWT_TTL_SECONDS };
  }
}
