import { createHash } from 'node:crypto';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * Fixed one-window-per-key counters in MySQL (rate_limit_windows), so every API replica draws on the same
 * budget. One statement per request: the upsert hands the new count back through LAST_INSERT_ID(expr).
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const bucket = createHash('sha256').update(key).digest('hex');
    const now = new Date();
    const fresh = new Date(now.getTime() + ttl);
    // MySQL assigns left to right: hits reads the old window end.
    const result = (await this.dataSource.query(
      `INSERT INTO rate_limit_windows (bucket, window_ends_at, hits) VALUES (?, ?, 1)
       ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(IF(window_ends_at <= ?, 1, hits + 1)), window_ends_at = IF(window_ends_at <= ?, ?, window_ends_at)`,
      [bucket, fresh, now, now, fresh],
    )) as { affectedRows: number; insertId: number };
    // 1: a new row (the first hit); 2: an existing row updated, its count in insertId.
    const totalHits = result.affectedRows === 1 ? 1 : Number(result.insertId);
    const isBlocked = totalHits > limit;
    let endsAt = fresh;
    if (isBlocked) {
      const [row] = (await this.dataSource.query('SELECT window_ends_at FROM rate_limit_windows WHERE bucket = ?', [bucket])) as { window_ends_at: Date }[];
      endsAt = row ? new Date(row.window_ends_at) : fresh;
    }
    const timeToExpire = Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000));
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}
