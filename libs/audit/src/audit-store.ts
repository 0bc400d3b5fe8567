import { Between, IsNull, MoreThan, type EntityManager } from 'typeorm';
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
    // Bounded by the seal: a range of the primary key that never runs on through the chained records.
    legacyRecords: (afterSeq, limit, throughSeq) =>
      manager.find(AuditRecordEntity, { where: { chain: IsNull(), chainSeq: IsNull(), seq: Between(afterSeq + 1, throughSeq) }, order: { seq: 'ASC' }, take: limit }),
    async legacyAfter(seq) {
      // Read from the (chain, chain_seq) index: only the legacy entries, not the chained rows after them.
      const [row] = (await manager.query('SELECT seq FROM audit_records WHERE chain IS NULL AND chain_seq IS NULL AND seq > ? LIMIT 1', [seq])) as Array<{ seq: string | number }>;
      return row ? Number(row.seq) : null;
    },
    chainRecords: (chain, afterChainSeq, limit) =>
      manager.find(AuditRecordEntity, { where: { chain, chainSeq: MoreThan(afterChainSeq) }, order: { chainSeq: 'ASC' }, take: limit }),
    async strayRecord(chains) {
      // Ranges of the (chain, chain_seq) index only: outside the known chains, inside them without a position, a position without a chain.
      const low = Math.min(...chains, 0);
      const high = Math.max(...chains, -1);
      const missing = Array.from({ length: Math.max(high - low + 1, 0) }, (_, i) => low + i).filter((c) => !chains.includes(c));
      const list = (ids: number[]) => (ids.length > 0 ? ids.join(', ') : 'NULL');
      const [row] = (await manager.query(
        `SELECT seq FROM audit_records
          WHERE chain < ? OR chain > ? OR chain IN (${list(missing)}) OR (chain IN (${list(chains)}) AND chain_seq IS NULL) OR (chain IS NULL AND chain_seq IS NOT NULL)
          LIMIT 1`,
        [low, high],
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
