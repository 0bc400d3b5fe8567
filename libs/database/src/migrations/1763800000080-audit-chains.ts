import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fixed here as it was at this migration (libs/audit AUDIT_CHAIN_COUNT must stay equal). */
const CHAINS = 64;
const ZEROS = '0'.repeat(64);
const sha256 = (...parts: string[]) => parts.reduce((h, part) => h.update(part), createHash('sha256')).digest('hex');

/**
 * Splits the audit trail into CHAINS chains with a head row each, so appenders of different cases stop
 * queuing on one row, and adds the anchor chain that seals all heads together. The single chain so far
 * becomes the sealed legacy segment: its records stay as they are (chain and chain_seq null), anchor #1
 * records where it ends, and every chain's genesis hash is derived from that end. The old head table is
 * dropped, so a process still running the old appender fails instead of extending the sealed segment.
 * Only instant and in-place changes to audit_records: no copy of the table.
 */
export class AuditChains1763800000080 implements MigrationInterface {
  name = 'AuditChains1763800000080';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_records ADD COLUMN chain SMALLINT NULL, ADD COLUMN chain_seq BIGINT NULL');
    await q.query('ALTER TABLE audit_records ADD UNIQUE KEY uq_audit_records_chain_seq (chain, chain_seq)');
    await q.query(`
      CREATE TABLE audit_chain_heads (
        chain SMALLINT NOT NULL,
        last_chain_seq BIGINT NOT NULL,
        last_seq BIGINT NOT NULL,
        last_hash CHAR(64) NOT NULL,
        PRIMARY KEY (chain)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE audit_anchors (
        seq BIGINT NOT NULL,
        sealed_at DATETIME(3) NOT NULL,
        heads LONGTEXT NOT NULL,
        prev_hash CHAR(64) NOT NULL,
        hash CHAR(64) NOT NULL,
        PRIMARY KEY (seq)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE audit_anchor_head (
        id TINYINT NOT NULL,
        last_seq BIGINT NOT NULL,
        last_hash CHAR(64) NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT chk_audit_anchor_head_single_row CHECK (id = 1)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    // DDL commits on its own (and ends the runner's transaction): the data below is one transaction of its
    // own, holding the old head row against a late appender until the seal is written.
    await q.query('START TRANSACTION');
    try {
      const [head] = (await q.query('SELECT last_seq, last_hash, UTC_TIMESTAMP(3) AS now FROM audit_chain_head WHERE id = 1 FOR UPDATE')) as Array<{ last_seq: string | number; last_hash: string; now: Date }>;
      const legacy = { seq: Number(head?.last_seq ?? 0), hash: head?.last_hash ?? ZEROS };
      const chains: Array<[number, number, string]> = [];
      for (let chain = 0; chain < CHAINS; chain++) {
        const genesis = sha256(JSON.stringify({ genesisOf: 'audit chain', chain, legacySeq: legacy.seq, legacyHash: legacy.hash }));
        chains.push([chain, 0, genesis]);
        await q.query('INSERT INTO audit_chain_heads (chain, last_chain_seq, last_seq, last_hash) VALUES (?, 0, 0, ?)', [chain, genesis]);
      }
      const sealedAt = head?.now ? new Date(head.now) : new Date();
      const heads = JSON.stringify({ legacy, chains });
      const hash = sha256(ZEROS, JSON.stringify({ seq: 1, sealedAt: sealedAt.toISOString(), heads, prevHash: ZEROS }));
      await q.query('INSERT INTO audit_anchors (seq, sealed_at, heads, prev_hash, hash) VALUES (1, ?, ?, ?, ?)', [sealedAt, heads, ZEROS, hash]);
      await q.query('INSERT INTO audit_anchor_head (id, last_seq, last_hash) VALUES (1, 1, ?)', [hash]);
      await q.query('COMMIT');
    } catch (error) {
      await q.query('ROLLBACK');
      throw error;
    }
    await q.query('DROP TABLE audit_chain_head');
  }

  public async down(q: QueryRunner): Promise<void> {
    const [chained] = (await q.query('SELECT COUNT(*) AS n FROM audit_records WHERE chain IS NOT NULL')) as Array<{ n: string | number }>;
    if (Number(chained.n) > 0) throw new Error('audit records were appended to the chains: the single chain cannot take them back');
    const [first] = (await q.query('SELECT heads FROM audit_anchors WHERE seq = 1')) as Array<{ heads: string }>;
    const legacy = (JSON.parse(first.heads) as { legacy: { seq: number; hash: string } }).legacy;
    await q.query(`
      CREATE TABLE audit_chain_head (
        id TINYINT NOT NULL,
        last_seq BIGINT NOT NULL,
        last_hash CHAR(64) NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT chk_audit_chain_head_single_row CHECK (id = 1)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, ?, ?)', [legacy.seq, legacy.hash]);
    await q.query('DROP TABLE audit_anchor_head');
    await q.query('DROP TABLE audit_anchors');
    await q.query('DROP TABLE audit_chain_heads');
    await q.query('ALTER TABLE audit_records DROP INDEX uq_audit_records_chain_seq, DROP COLUMN chain_seq, DROP COLUMN chain');
  }
}
