import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import type { StoredAnchor } from './audit-anchor';
import type { ChainPosition, ChainVerdict } from './audit-chain';
import { AuditRecordEntity } from './audit-record.entity';
import { verifyAuditTrail, type AuditStore } from './audit-verify';

/** The stored trail, read through any EntityManager (a transaction's sees its own uncommitted changes). */
export function databaseAuditStore(manager: EntityManager): AuditStore {
  return {
    async chainHeads() {
      const rows = (await manager.query('SELECT chain, last_chain_seq, last_hash FROM audit_chain_heads ORDER BY chain')) as Array<{ chain: number; last_chain_seq: string | number; last_hash: string }>;
      return rows.map((r): [number, number, string] => [Number(r.chain), Number(r.last_chain_seq), r.last_hash]);
    },
    async anchorHead(): Promise<ChainPosition> {
      const [row] = (await manager.query('SELECT last_seq, last_hash FROM audit_anchor_head WHERE id = 1')) as Array<{ last_seq: string | number; last_hash: string }>;
      if (!row) throw new Error('audit_anchor_head has no row: the audit-chains migration has not run');
      return { position: Number(row.last_seq), hash: row.last_hash };
    },
    async anchors(afterSeq, limit) {
      const rows = (await manager.query('SELECT seq, sealed_at, heads, prev_hash, hash FROM audit_anchors WHERE seq > ? ORDER BY seq LIMIT ?', [afterSeq, limit])) as Array<{
        seq: string | number;
        sealed_at: Date;
        heads: string;
        prev_hash: string;
        hash: string;
      }>;
      return rows.map((r): StoredAnchor => ({ seq: Number(r.seq), sealedAt: r.sealed_at, heads: r.heads, prevHash: r.prev_hash, hash: r.hash }));
    },
    legacyRecords: (afterSeq, limit) =>
      manager.find(AuditRecordEntity, { where: { chain: IsNull(), chainSeq: IsNull(), seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit }),
    chainRecords: (chain, afterChainSeq, limit) =>
      manager.find(AuditRecordEntity, { where: { chain, chainSeq: MoreThan(afterChainSeq) }, order: { chainSeq: 'ASC' }, take: limit }),
    async strayRecord(chains) {
      const known = chains.length > 0 ? `chain NOT IN (${chains.map(() => '?').join(', ')})` : '1 = 1';
      const [row] = (await manager.query(
        `SELECT seq FROM audit_records WHERE (chain IS NOT NULL AND (${known} OR chain_seq IS NULL)) OR (chain IS NULL AND chain_seq IS NOT NULL) LIMIT 1`,
        chains,
      )) as Array<{ seq: string | number }>;
      return row ? manager.findOneByOrFail(AuditRecordEntity, { seq: Number(row.seq) }) : null;
    },
  };
}

/**
 * Verifies the stored trail through any EntityManager (the `npm run audit:verify` command uses a plain
 * DataSource's). The head rows are read first: records appended meanwhile are checked too.
 */
export function verifyStoredChain(manager: EntityManager, batchSize = 5000): Promise<ChainVerdict> {
  return verifyAuditTrail(databaseAuditStore(manager), batchSize);
}
