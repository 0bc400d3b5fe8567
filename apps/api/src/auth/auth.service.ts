import { randomBytes } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { checkPassword, hashPassword, UserEntity } from '@app/database';
import { LoginThrottleService } from './login-throttle.service';
import type { AccessTokenClaims, StaffUser } from './staff-user';

export interface SignedIn {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: StaffUser;
}

@Injectable()
export class AuthService {
  /** Checked when the user does not exist, so both failures cost the same argon2id work. */
  private unknownUserHash?: Promise<string>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly lockout: LoginThrottleService,
  ) {}

  async login(username: string, password: string): Promise<SignedIn> {
    const ticket = await this.lockout.begin(username);
    const user = await this.users.findOne({ where: { username } });
    const check = await checkPassword(password, user?.passwordHash ?? (await this.dummyHash()));
    if (!user || !user.active || !check.matches) {
      await this.lockout.failed(ticket);
      throw new UnauthorizedException('Wrong username or password');
    }
    await this.lockout.succeeded(ticket);
    // A bcrypt hash from before argon2id is replaced now that the password is known; the same password,
    // so tokens stay valid. Only if nobody changed the hash meanwhile.
    if (check.needsRehash) await this.users.update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash: await hashPassword(password) });
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, role: user.role, org: user.organizationId, ver: user.tokenVersion };
    return { accessToken: await this.jwt.signAsync(claims), expiresIn: this.config.JWT_TTL_SECONDS, user: { id: user.id, username: user.username, role: user.role, organizationId: user.organizationId } };
  }

  private dummyHash(): Promise<string> {
    return (this.unknownUserHash ??= hashPassword(randomBytes(16).toString('hex')));
  }
}
