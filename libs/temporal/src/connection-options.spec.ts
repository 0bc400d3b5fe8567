import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { temporalConnectionOptions } from './connection-options';

const secrets = { JWT_SECRET: 'j'.repeat(32), INTAKE_SECRET: 'i'.repeat(32), PII_KEYS: 'k1:AAAA', PII_ACTIVE_KEY_ID: 'k1' };

describe('temporalConnectionOptions', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'temporal-conn-'));
    for (const name of ['client.pem', 'client.key', 'ca.pem']) writeFileSync(join(dir, name), `contents of ${name}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('connects in plain text without TLS settings', () => {
    expect(temporalConnectionOptions(loadConfig({ ...secrets, TEMPORAL_ADDRESS: 'temporal:7233' }))).toEqual({ address: 'temporal:7233' });
  });

  it('reads the mTLS files and the server name', () => {
    const options = temporalConnectionOptions(loadConfig({
      ...secrets,
      TEMPORAL_TLS_CERT: join(dir, 'client.pem'),
      TEMPORAL_TLS_KEY: join(dir, 'client.key'),
      TEMPORAL_TLS_CA: join(dir, 'ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.svc',
    }));
    expect(options.apiKey).toBeUndefined();
    expect(String(options.tls?.clientCertPair?.crt)).toBe('contents of client.pem');
    expect(String(options.tls?.clientCertPair?.key)).toBe('contents of client.key');
    expect(String(options.tls?.serverRootCACertificate)).toBe('contents of ca.pem');
    expect(options.tls?.serverNameOverride).toBe('frontend.temporal.svc');
  });

  it('sends an API key over TLS with the system CAs', () => {
    expect(temporalConnectionOptions(loadConfig({ ...secrets, TEMPORAL_API_KEY: 'key-123' }))).toEqual({ address: '127.0.0.1:7233', tls: {}, apiKey: 'key-123' });
  });
});
