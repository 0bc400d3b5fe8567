import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

/** What a signed link names: an evidence file, or a referral's package. */
export interface LinkTarget {
  kind: 'file' | 'package';
  id: string;
}

export interface LinkClaims extends LinkTarget {
  userId: number;
  /** The account's token version: a password reset, deactivation or role change voids the links too. */
  tokenVersion: number;
  expiresAt: number;
}

/**
 * Short-lived download links, signed with an HMAC under a key derived from JWT_SECRET and bound to a user
 * and a file: a link that leaks (a browser history, a proxy log) names no person, runs out in minutes, and
 * serves nobody else, since the download checks the account and its reach again.
 */
@Injectable()
export class DownloadLinks {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('evidence-download-link/v1').digest();
  }

  sign(target: LinkTarget, user: { id: number; tokenVersion: number }, now = Date.now()): { token: string; expiresAt: Date } {
    const expiresAt = now + this.config.DOWNLOAD_LINK_TTL_SECONDS * 1000;
    const payload = Buffer.from(JSON.stringify([target.kind, target.id, user.id, user.tokenVersion, expiresAt])).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, expiresAt: new Date(expiresAt) };
  }

  /** The claims of a genuine, unexpired link, or null. */
  verify(token: string, now = Date.now()): LinkClaims | null {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const [kind, id, userId, tokenVersion, expiresAt] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [LinkTarget['kind'], string, number, number, number];
      if ((kind !== 'file' && kind !== 'package') || typeof id !== 'string' || !Number.isInteger(userId) || !Number.isInteger(tokenVersion)) return null;
      if (!(expiresAt > now)) return null;
      return { kind, id, userId, tokenVersion, expiresAt };
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
