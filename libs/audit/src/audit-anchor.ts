import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ChainPosition } from './audit-chain';

/** What an anchor seals: every chain's head, and (anchor #1 only) where the legacy segment ends. */
export interface AnchorHeads {
  legacy?: { seq: number; hash: string };
  /** [chain, chain_seq, hash], one per chain, by chain. */
  chains: Array<[number, number, string]>;
}

export interface AnchorFields {
  seq: number;
  sealedAt: Date | string;
  /** AnchorHeads as JSON text, exactly as stored and hashed. */
  heads: string;
  prevHash: string;
}

export interface StoredAnchor extends AnchorFields {
  hash: string;
}

export function canonicalAnchor(anchor: AnchorFields): string {
  return JSON.stringify({ seq: Number(anchor.seq), sealedAt: new Date(anchor.sealedAt).toISOString(), heads: anchor.heads, prevHash: anchor.prevHash });
}

export function anchorHash(prevHash: string, anchor: AnchorFields): string {
  return createHash('sha256').update(prevHash).update(canonicalAnchor(anchor)).digest('hex');
}

/** The heads an anchor's text names, or null when the text is not what an anchor writes. */
export function parseAnchorHeads(text: string): AnchorHeads | null {
  try {
    const value = JSON.parse(text) as AnchorHeads;
    if (!value || !Array.isArray(value.chains)) return null;
    const wellFormed = value.chains.every((h) => Array.isArray(h) && h.length === 3 && Number.isInteger(h[0]) && Number.isInteger(h[1]) && typeof h[2] === 'string');
    return wellFormed ? value : null;
  } catch {
    return null;
  }
}

export interface SealOptions {
  /** No anchor is sealed when the newest one is younger than this (several workers run the same timer). */
  minIntervalMs?: number;
}

export type SealResult = { sealed: true; seq: number; hash: string } | { sealed: false; why: 'nothing moved' | 'sealed recently' };

/**
 * Seals every chain's committed head into the next anchor, in a transaction of its own. Appenders are
 * never locked: the heads are read without locks, from a snapshot taken once the anchor head is held,
 * so every sealed head is a committed one and two sealers take turns. Nothing is written when no head
 * moved since the newest anchor.
 */
export async function sealAnchor(manager: EntityManager, options: SealOptions = {}): Promise<SealResult> {
  return manager.transaction('REPEATABLE READ', async (em) => {
    const [anchorHead] = (await em.query('SELECT last_seq, last_hash FROM audit_anchor_head WHERE id = 1 FOR UPDATE')) as Array<{ last_seq: string | number; last_hash: string }>;
    if (!anchorHead) throw new Error('audit_anchor_head has no row: the audit-chains migration has not run');
    const last = { position: Number(anchorHead.last_seq), hash: anchorHead.last_hash };
    // The first plain read of the transaction: its snapshot is taken now, after the lock above.
    const [previous] = (await em.query('SELECT heads, sealed_at, UTC_TIMESTAMP(3) AS now FROM audit_anchors WHERE seq = ?', [last.position])) as Array<{ heads: string; sealed_at: Date; now: Date | string }>;
    const heads = (await em.query('SELECT chain, last_chain_seq, last_hash FROM audit_chain_heads ORDER BY chain')) as Array<{ chain: number; last_chain_seq: string | number; last_hash: string }>;
    const chains = heads.map((h): [number, number, string] => [Number(h.chain), Number(h.last_chain_seq), h.last_hash]);
    if (previous) {
      if (JSON.stringify(parseAnchorHeads(previous.heads)?.chains) === JSON.stringify(chains)) return { sealed: false, why: 'nothing moved' };
      const age = new Date(previous.now).getTime() - new Date(previous.sealed_at).getTime();
      if (options.minIntervalMs !== undefined && age < options.minIntervalMs) return { sealed: false, why: 'sealed recently' };
    }
    return { sealed: true, ...(await insertAnchor(em, last, { chains }, previous ? new Date(previous.now) : new Date())) };
  });
}

async function insertAnchor(em: EntityManager, last: ChainPosition, heads: AnchorHeads, sealedAt: Date): Promise<{ seq: number; hash: string }> {
  const fields: AnchorFields = { seq: last.position + 1, sealedAt, heads: JSON.stringify(heads), prevHash: last.hash };
  const hash = anchorHash(last.hash, fields);
  await em.query('INSERT INTO audit_anchors (seq, sealed_at, heads, prev_hash, hash) VALUES (?, ?, ?, ?, ?)', [fields.seq, fields.sealedAt, fields.heads, fields.prevHash, hash]);
  await em.query('UPDATE audit_anchor_head SET last_seq = ?, last_hash = ? WHERE id = 1', [fields.seq, hash]);
  return { seq: fields.seq, hash };
}
