import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReferralState } from '@app/domain';
import { AuditTrail } from '@app/audit';
import { CaseEntity, CaseEventEntity, ReferralEntity, caseFileWithoutComplainant } from '@app/database';

/** Writes the referrals projection; the referral workflow is its only writer. */
@Injectable()
export class ReferralWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Creates the row with its package (case file, timeline, finding, evidence) once; a retry changes nothing. */
  async register(state: ReferralState, at: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (await em.existsBy(ReferralEntity, { id: state.referralId })) return;
      await em.insert(ReferralEntity, { ...row(state, at), createdAt: new Date(at), package: JSON.stringify(await referralPackage(em, state.caseId)) });
      await this.audit.append([auditEntry(state, at, null)], em);
    });
  }

  async project(state: ReferralState, at: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const [before] = await em.query('SELECT status, discipline_org_id AS disciplineOrgId FROM referrals WHERE id = ? FOR UPDATE', [state.referralId]);
      await em
        .createQueryBuilder()
        .update(ReferralEntity)
        .set(row(state, at))
        .where('id = :id AND revision < :revision', { id: state.referralId, revision: state.revision })
        .execute();
      await this.audit.append([auditEntry(state, at, before ?? null)], em);
    });
  }

  /** Ids of referrals not yet concluded after `afterId`, in id order: pages for a broadcast to running workflows. */
  async openReferralIds(afterId: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM referrals WHERE status <> ? AND id > ? ORDER BY id LIMIT ?', ['CONCLUDED', afterId, limit]);
    return rows.map((r) => r.id);
  }
}

/**
 * Read through the registration's own transaction: a second pooled connection taken while this one is held
 * deadlocks the pool once as many registrations run at once as it has connections.
 */
async function referralPackage(em: EntityManager, caseId: string) {
  const kase = await em.findOneBy(CaseEntity, { id: caseId });
  const timeline = await em.find(CaseEventEntity, { where: { caseId }, order: { seq: 'ASC' } });
  // The complainant's identity stays out: the package travels to another body.
  return {
    case: kase && { ...caseFileWithoutComplainant(kase), handlingOrgId: kase.handlingOrgId, hostUnitId: kase.hostUnitId },
    timeline: timeline.map((e) => ({ seq: e.seq, type: e.type, note: e.note, actorRole: e.actorRole, occurredAt: e.occurredAt })),
    evidence: timeline.filter((e) => e.type === 'RECTIFICATION_SUBMITTED').map((e) => e.note),
  };
}

function auditEntry(state: ReferralState, at: string, before: unknown) {
  return {
    action: `referral.${state.status}${state.escalations > 0 && !state.lastActor ? '.ESCALATED' : ''}`,
    actor: state.lastActor,
    caseId: state.caseId,
    subject: `referral:${state.referralId}`,
    before,
    after: { status: state.status, disciplineOrgId: state.disciplineOrgId, outcome: state.outcome, escalations: state.escalations },
    occurredAt: at,
    dedupeKey: `referral:${state.referralId}:${state.revision}`,
  };
}

function row(state: ReferralState, at: string): Partial<ReferralEntity> {
  const date = (iso: string | null) => (iso ? new Date(iso) : null);
  return {
    id: state.referralId,
    caseId: state.caseId,
    caseNo: state.caseNo,
    reason: state.reason,
    status: state.status,
    disciplineOrgId: state.disciplineOrgId!,
    escalations: state.escalations,
    outcome: state.outcome,
    conclusion: state.conclusion,
    ackDeadlineAt: date(state.ackDeadlineAt),
    concludeDeadlineAt: date(state.concludeDeadlineAt),
    acknowledgedAt: date(state.acknowledgedAt),
    concludedAt: date(state.concludedAt),
    updatedAt: new Date(at),
    revision: state.revision,
  };
}
