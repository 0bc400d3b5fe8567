import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canonicalJson, type ActorRef, type CircularState } from '@app/domain';
import { AuditTrail } from '@app/audit';

/** SHA-256 of a circular's content, as published and audited. */
export function circularContentHash(state: Pick<CircularState, 'content'>): string {
  return createHash('sha256').update(canonicalJson(state.content)).digest('hex');
}

/**
 * Writes a circular's projection and its audit record in one transaction, keyed by revision: a retried
 * write changes nothing twice. Publishing takes the content's hash and records it.
 */
@Injectable()
export class CircularWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Returns the content hash once published, else null. */
  async project(state: CircularState, action: string, actor: ActorRef, note: string | null, at: Date): Promise<string | null> {
    const hash = state.status === 'PUBLISHED' ? circularContentHash(state) : null;
    await this.dataSource.transaction(async (em) => {
      const c = state.content;
      await em.query(
        `INSERT INTO circulars (id, organization_id, title, period_from, period_to, status, content, content_hash, author_user_id, reviewer_user_id, publisher_user_id, published_at, revision, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE
           title = IF(revision < VALUES(revision), VALUES(title), title), status = IF(revision < VALUES(revision), VALUES(status), status),
           content = IF(revision < VALUES(revision), VALUES(content), content), content_hash = IF(revision < VALUES(revision), VALUES(content_hash), content_hash),
           reviewer_user_id = IF(revision < VALUES(revision), VALUES(reviewer_user_id), reviewer_user_id),
           publisher_user_id = IF(revision < VALUES(revision), VALUES(publisher_user_id), publisher_user_id),
           published_at = IF(revision < VALUES(revision), VALUES(published_at), published_at),
           updated_at = IF(revision < VALUES(revision), VALUES(updated_at), updated_at),
           revision = GREATEST(revision, VALUES(revision))`,
        [
          state.circularId, c.organizationId, c.title, c.from, c.to, state.status, JSON.stringify(c), hash, state.authorUserId, state.reviewerUserId, state.publisherUserId,
          state.publishedAt ? new Date(state.publishedAt) : null, state.revision, at, at,
        ],
      );
      await this.audit.append(
        [{ action: `circular.${action}`, actor, subject: `circular:${state.circularId}`, after: { status: state.status, revision: state.revision, note, ...(hash ? { contentHash: hash } : {}) }, occurredAt: at, dedupeKey: `circular:${state.circularId}:${state.revision}` }],
        em,
      );
    });
    return hash;
  }
}
