import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { advanceFacts, initialFacts, regionAncestry, CYBERSPACE_OFFICE_KINDS, STEP_RULES, type ActorRef, type CaseFacts, type Category, type CaseSource, type DeadlineKind, type CaseStall, type CaseState, type CaseWorkflowInput, type TimelineEntry } from '@app/domain';
import { AuditTrail } from '@app/audit';
import { CalendarService, workingDaysBetween, type WorkingCalendar } from '@app/calendar';
import { CaseEntity, CaseEventEntity, EvidenceFileEntity, OrganizationEntity } from '@app/database';
import { loadCaseFacts, recordCaseFacts } from './case-statistics';
import { moveOpenCaseCounts, type CountedCase } from './open-case-counters';

export class NoHandlingOfficeError extends Error {}

export interface RegisteredCase {
  handlingOrgId: number;
}

export interface ProjectedWrite {
  moved: boolean;
  alreadyWritten: boolean;
}

/**
 * Writes a case's projection: the case row and its timeline. Every write is keyed by
 * (case id, event seq) and done in one transaction, so an activity retried after a crash
 * at any line writes each event exactly once.
 */
@Injectable()
export class CaseProjectionWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly calendar: CalendarService,
  ) {}

  async register(input: CaseWorkflowInput): Promise<RegisteredCase> {
    return this.dataSource.transaction(async (em) => {
      const existing = await em.findOne(CaseEntity, { where: { id: input.caseId }, select: { id: true, handlingOrgId: true } });
      if (existing) return { handlingOrgId: existing.handlingOrgId };

      const handlingOrgId = await this.handlingOfficeFor(em, input.regionCode);
      const at = new Date(input.submittedAt);
      await em.insert(CaseEntity, {
        id: input.caseId,
        caseNo: input.caseNo,
        source: input.source,
        category: input.category,
        subjectType: input.subjectType,
        subjectName: input.subjectName,
        regionCode: input.regionCode,
        description: input.description,
        anonymous: input.anonymous,
        complainantNameSealed: input.complainant?.nameSealed ?? null,
        complainantPhoneSealed: input.complainant?.phoneSealed ?? null,
        complainantPhoneMasked: input.complainant?.phoneMasked ?? null,
        accessCodeHash: input.accessCodeHash,
        stage: 'SUBMITTED',
        step: 'SUBMITTED',
        status: 'OPEN',
        severity: input.severity,
        handlingOrgId,
        lastEventSeq: 1,
        createdAt: at,
        updatedAt: at,
      });
      const counted: CountedCase = { status: 'OPEN', stage: 'SUBMITTED', handlingOrgId, investigatingOrgId: null, hasDeadline: false, warned: false, overdue: false, supervised: false, referred: false };
      await moveOpenCaseCounts(em, input.caseId, null, counted);
      const facts = initialFacts({ submittedAt: at, handlingOrgId, regionCode: input.regionCode, category: input.category, source: input.source, hostUnitId: input.hostUnitId ?? null });
      await recordCaseFacts(em, input.caseId, null, facts);
      await em.insert(CaseEventEntity, {
        caseId: input.caseId,
        seq: 1,
        type: input.source === 'SPOT_CHECK' ? 'SPOT_CHECK_RECORDED' : 'SUBMITTED',
        stage: 'SUBMITTED',
        actorUserId: null,
        actorRole: null,
        note: null,
        isPublic: true,
        occurredAt: at,
      });
      await this.audit.append(
        [{ action: `case.${input.source === 'SPOT_CHECK' ? 'SPOT_CHECK_RECORDED' : 'SUBMITTED'}`, caseId: input.caseId, after: { step: 'SUBMITTED', status: 'OPEN', handlingOrgId }, occurredAt: at, dedupeKey: `case:${input.caseId}:1` }],
        em,
      );
      return { handlingOrgId };
    });
  }

  /**
   * Applies a workflow decision: its timeline entries (numbered from `firstSeq`) and the case row
   * as the state now stands. Entries already written are skipped; a row at a newer revision is kept.
   * True when this call moved the row (not a retry of a write already made).
   */
  async project(state: CaseState, entries: TimelineEntry[], firstSeq: number, at: Date): Promise<boolean> {
    // Loaded before the transaction: a closing write counts the case's handling time in working days.
    const calendar = state.status === 'CLOSED' ? await this.calendar.current() : null;
    return this.dataSource.transaction(async (em) => (await this.projectIn(em, state, entries, firstSeq, at, calendar)).moved);
  }

  /**
   * `project` inside the caller's transaction. `calendar` counts the handling time of a closing write.
   * `moved`: this call moved the row; `alreadyWritten`: the row already carries this revision, so a
   * retried write found everything of it committed before.
   */
  async projectIn(em: EntityManager, state: CaseState, entries: TimelineEntry[], firstSeq: number, at: Date, calendar: WorkingCalendar | null): Promise<ProjectedWrite> {
    const [before] = await em.query(
      `SELECT step, status, stage, handling_org_id, investigating_org_id, deadline_at, warned, overdue, supervised, referred, revision,
              deadline_kind, breaches, created_at, region_code, category, source, host_unit_id
         FROM cases WHERE id = ? FOR UPDATE`,
      [state.caseId],
    );
    if (entries.length > 0) {
      await em
        .createQueryBuilder()
        .insert()
        .into(CaseEventEntity)
        .values(
          entries.map((entry, i) => ({
            caseId: state.caseId,
            seq: firstSeq + i,
            type: entry.type,
            stage: STEP_RULES[state.step].stage,
            actorUserId: entry.actor?.userId ?? null,
            actorRole: entry.actor?.role ?? null,
            note: entry.note,
            isPublic: entry.isPublic,
            occurredAt: at,
          })),
        )
        .orIgnore()
        .execute();
    }
    // Files become visible with the event that attaches them, in its transaction; a retried write finds them attached.
    for (const [i, entry] of entries.entries()) {
      for (const file of entry.attachments ?? []) {
        await em
          .createQueryBuilder()
          .update(EvidenceFileEntity)
          .set({ state: 'ATTACHED', eventSeq: firstSeq + i, attachedAt: at })
          .where('id = :id AND case_id = :caseId AND sha256 = :sha256 AND state = :pending', { id: file.fileId, caseId: state.caseId, sha256: file.sha256, pending: 'PENDING' })
          .execute();
      }
    }
    const row = caseRow(state, at);
    await em.createQueryBuilder().update(CaseEntity).set(row).where('id = :id AND revision < :revision', { id: state.caseId, revision: state.revision }).execute();
    // The row is locked: it changed exactly when its revision was older, and so do the dashboard's counters.
    const moved = Boolean(before) && Number(before.revision) < state.revision;
    if (moved) {
      await moveOpenCaseCounts(em, state.caseId, countedFromRow(before), countedFrom(row, Number(before.handling_org_id)));
      await this.advanceStatistics(em, state, entries, before, calendar && state.status === 'CLOSED' && before.status === 'OPEN' ? workingDaysBetween(calendar, new Date(before.created_at), at) : null);
    }
    // Every timeline entry is an action, a person's or the system's: each goes into the audit trail, once.
    const after = { step: state.step, status: state.status, deadlineAt: state.deadline?.deadlineAt ?? null };
    await this.audit.append(
      entries.map((entry, i) => ({
        action: `case.${entry.type}`,
        actor: entry.actor,
        caseId: state.caseId,
        before: before ? { step: before.step, status: before.status } : null,
        // The hashes of the files an event attaches are part of its record, and so of the chain.
        after: entry.attachments ? { ...after, attachments: entry.attachments } : after,
        occurredAt: at,
        dedupeKey: `case:${state.caseId}:${firstSeq + i}`,
      })),
      em,
    );
    return { moved, alreadyWritten: Boolean(before) && Number(before.revision) >= state.revision };
  }

  /** The case's statistics after this write (libs/domain advanceFacts), and its share of the rollups moved. */
  private async advanceStatistics(em: EntityManager, state: CaseState, entries: TimelineEntry[], before: Record<string, unknown>, handlingDays: number | null): Promise<void> {
    // A case registered before the statistics existed starts counting here, from its row.
    const prev: CaseFacts =
      (await loadCaseFacts(em, state.caseId)) ??
      initialFacts({
        submittedAt: new Date(before.created_at as string),
        handlingOrgId: Number(before.handling_org_id),
        regionCode: String(before.region_code),
        category: before.category as Category,
        source: before.source as CaseSource,
        hostUnitId: before.host_unit_id === null ? null : Number(before.host_unit_id),
      });
    const next = advanceFacts(
      prev,
      { deadlineKind: (before.deadline_kind as DeadlineKind | null) ?? null, overdue: Boolean(Number(before.overdue)), breaches: Number(before.breaches) },
      state,
      entries.map((e) => e.type),
      handlingDays,
    );
    await recordCaseFacts(em, state.caseId, prev, next);
  }

  /**
   * Marks the case stalled (`stall` set) or running again (null), with an audit record keyed by the
   * workflow's stall number, so a retried activity records nothing twice. The rest of the row is left to
   * `project`: a stall is written even when the projection itself is what cannot be written.
   */
  async recordStall(caseId: string, stall: CaseStall | null, stallNo: number, actor: ActorRef | null, at: Date): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.update(CaseEntity, { id: caseId }, { stalledReason: stall?.reason.slice(0, 300) ?? null, stalledAt: stall ? new Date(stall.at) : null });
      await this.audit.append(
        [{ action: stall ? 'case.STALLED' : 'case.STALL_RETRIED', actor, caseId, after: stall ? { reason: stall.reason } : null, occurredAt: at, dedupeKey: `case:${caseId}:stall:${stallNo}:${stall ? 'on' : 'off'}` }],
        em,
      );
    });
  }

  /** Ids of open cases after `afterId`, in id order: pages for a broadcast to running workflows. */
  async openCaseIds(afterId: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM cases WHERE status = ? AND id > ? ORDER BY id LIMIT ?', ['OPEN', afterId, limit]);
    return rows.map((r) => r.id);
  }

  /** The cyberspace office nearest to the region: district, then city, then province, then central. */
  private async handlingOfficeFor(em: EntityManager, regionCode: string): Promise<number> {
    const candidates = await em
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('o.region_code IN (:...codes)', { codes: [...regionAncestry(regionCode), '000000'] })
      .andWhere('o.kind IN (:...kinds)', { kinds: CYBERSPACE_OFFICE_KINDS })
      .getMany();
    const order = [...regionAncestry(regionCode), '000000'];
    candidates.sort((a, b) => order.indexOf(a.regionCode) - order.indexOf(b.regionCode));
    if (candidates.length === 0) throw new NoHandlingOfficeError(`no cyberspace office answers for region ${regionCode}`);
    return candidates[0].id;
  }
}

function countedFromRow(r: Record<string, unknown>): CountedCase {
  return {
    status: String(r.status),
    stage: String(r.stage),
    handlingOrgId: Number(r.handling_org_id),
    investigatingOrgId: r.investigating_org_id === null ? null : Number(r.investigating_org_id),
    hasDeadline: r.deadline_at !== null,
    warned: Boolean(Number(r.warned)),
    overdue: Boolean(Number(r.overdue)),
    supervised: Boolean(Number(r.supervised)),
    referred: Boolean(Number(r.referred)),
  };
}

function countedFrom(row: Partial<CaseEntity>, handlingOrgId: number): CountedCase {
  return {
    status: row.status!,
    stage: row.stage!,
    handlingOrgId,
    investigatingOrgId: row.investigatingOrgId ?? null,
    hasDeadline: row.deadlineAt !== null && row.deadlineAt !== undefined,
    warned: row.warned!,
    overdue: row.overdue!,
    supervised: row.supervised!,
    referred: row.referred!,
  };
}

/** The case row's columns as the workflow state gives them. */
function caseRow(state: CaseState, at: Date): Partial<CaseEntity> {
  const deadline = state.deadline;
  return {
    stage: STEP_RULES[state.step].stage,
    step: state.step,
    status: state.status,
    outcome: state.outcome,
    severity: state.severity,
    investigatingOrgId: state.investigatingOrgId,
    hostUnitId: state.hostUnitId,
    findingResult: state.findingResult,
    reply: state.reply,
    satisfaction: state.satisfaction,
    reopenCount: state.reopenCount,
    deadlineKind: deadline?.kind ?? null,
    deadlineAt: deadline ? new Date(deadline.deadlineAt) : null,
    warnAt: deadline ? new Date(deadline.warnAt) : null,
    warned: state.escalation.warned,
    overdue: state.escalation.reminded,
    supervised: state.supervised,
    referred: state.referralCount > 0,
    breaches: state.breaches,
    policyId: state.policy?.policyId ?? null,
    policyVersion: state.policy?.version ?? null,
    mergedInto: state.mergedInto,
    revisitEndsAt: state.step === 'REVISIT' && state.revisitEndsAt ? new Date(state.revisitEndsAt) : null,
    closedAt: state.status === 'CLOSED' ? at : null,
    lastEventSeq: state.seq,
    revision: state.revision,
    updatedAt: at,
  };
}
