import type { AppConfig } from '@app/config';
import { DownloadLinks } from './download-links';

describe('DownloadLinks', () => {
  const links = new DownloadLinks({ JWT_SECRET: 's'.repeat(40), DOWNLOAD_LINK_TTL_SECONDS: 300 } as AppConfig);
  const user = { id: 7, tokenVersion: 2 };
  const now = Date.UTC(2026, 11, 3, 8);

  it('round-trips a link bound to its user, file and version until it expires', () => {
    const { token, expiresAt } = links.sign({ kind: 'file', id: 'f-1' }, user, now);
    expect(expiresAt.getTime()).toBe(now + 300_000);
    expect(links.verify(token, now + 1000)).toEqual({ kind: 'file', id: 'f-1', userId: 7, tokenVersion: 2, expiresAt: now + 300_000 });
    expect(links.verify(token, now + 300_000)).toBeNull();
  });

  it('refuses a link that was changed, or signed with another secret', () => {
    const { token } = links.sign({ kind: 'file', id: 'f-1' }, user, now);
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['file', 'f-2', 7, 2, now + 300_000])).toString('base64url');
    expect(links.verify(`${forged}.${mac}`, now)).toBeNull();
    expect(links.verify(`${payload}.${mac.slice(0, -2)}xx`, now)).toBeNull();
    expect(links.verify(`${payload}`, now)).toBeNull();
    const other = new DownloadLinks({ JWT_SECRET: 't'.repeat(40), DOWNLOAD_LINK_TTL_SECONDS: 300 } as AppConfig);
    expect(other.verify(token, now)).toBeNull();
  });
});
