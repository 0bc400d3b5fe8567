import { DataSource } from 'typeorm';
import type { AuditTrail } from '@app/audit';
import type { ActorRef, CampaignHeader, CampaignItemState } from '@app/domain';

const at3 = (iso: string | null) => (iso ? new Date(iso) : null);
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * Writes a campaign's projection (the campaign row and the items that changed) and its audit record in one
 * transaction, keyed by revision: a retried write changes nothing twice, an older one never overwrites a newer.
 */
export async function writeCampaign(dataSource: DataSource, audit: AuditTrail, state: CampaignHeader, items: CampaignItemState[], action: string, actor: ActorRef | null, note: string | null, at: Date): Promise<void> {
  const d = state.definition;
  await dataSource.transaction(async (em) => {
    await em.query(
      `INSERT INTO campaigns (id, organization_id, title, status, definition, snapshot_fingerprint, snapshot_size, allocation, created_by, revision, created_at, drawn_at, closed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         status = IF(revision < VALUES(revision), VALUES(status), status),
         snapshot_fingerprint = IF(revision < VALUES(revision), VALUES(snapshot_fingerprint), snapshot_fingerprint),
         snapshot_size = IF(revision < VALUES(revision), VALUES(snapshot_size), snapshot_size),
         allocation = IF(revision < VALUES(revision), VALUES(allocation), allocation),
         drawn_at = IF(revision < VALUES(revision), VALUES(drawn_at), drawn_at),
         closed_at = IF(revision < VALUES(revision), VALUES(closed_at), closed_at),
         updated_at = IF(revision < VALUES(revision), VALUES(updated_at), updated_at),
         revision = GREATEST(revision, VALUES(revision))`,
      [state.campaignId, d.organizationId, d.title, state.status, JSON.stringify(d), state.snapshotFingerprint, state.snapshotSize, json(state.allocation), state.createdBy.userId, state.revision, new Date(state.createdAt), at3(state.drawnAt), at3(state.closedAt), at],
    );
    for (let start = 0; start < items.length; start += 100) {
      const batch = items.slice(start, start + 100);
      await em.query(
        `INSERT INTO campaign_items (campaign_id, item_no, registry_entry_id, registry_entry_version, entry_name, kind, region_code, host_unit_id, host_unit_name, stratum, weight, checks,
           status, inspector_user_id, assigned_at, remind_at, deadline_at, results, evidence_ref, severity, completed_at, finding_case_id, finding_case_no, revision)
         VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE
           status = IF(revision < VALUES(revision), VALUES(status), status),
           inspector_user_id = IF(revision < VALUES(revision), VALUES(inspector_user_id), inspector_user_id),
           assigned_at = IF(revision < VALUES(revision), VALUES(assigned_at), assigned_at),
           remind_at = IF(revision < VALUES(revision), VALUES(remind_at), remind_at),
           deadline_at = IF(revision < VALUES(revision), VALUES(deadline_at), deadline_at),
           results = IF(revision < VALUES(revision), VALUES(results), results),
           evidence_ref = IF(revision < VALUES(revision), VALUES(evidence_ref), evidence_ref),
           severity = IF(revision < VALUES(revision), VALUES(severity), severity),
           completed_at = IF(revision < VALUES(revision), VALUES(completed_at), completed_at),
           finding_case_id = IF(revision < VALUES(revision), VALUES(finding_case_id), finding_case_id),
           finding_case_no = IF(revision < VALUES(revision), VALUES(finding_case_no), finding_case_no),
           revision = GREATEST(revision, VALUES(revision))`,
        batch.flatMap((i) => [
          state.campaignId, i.itemNo, i.registryEntryId, i.registryEntryVersion, i.entryName, i.kind, i.regionCode, i.hostUnitId, i.hostUnitName, i.stratum, i.weight, JSON.stringify(i.checks),
          i.status, i.inspectorUserId, at3(i.assignedAt), at3(i.remindAt), at3(i.deadlineAt), json(i.results), i.evidenceRef, i.severity, at3(i.completedAt), i.findingCaseId, i.findingCaseNo, state.revision,
        ]),
      );
    }
    await audit.append(
      [{ action: `campaign.${action}`, actor, subject: `campaign:${state.campaignId}`, after: { status: state.status, revision: state.revision, note, snapshotFingerprint: state.snapshotFingerprint, items: items.map((i) => ({ itemNo: i.itemNo, status: i.status, inspectorUserId: i.inspectorUserId, findingCaseNo: i.findingCaseNo })) }, occurredAt: at, dedupeKey: `campaign:${state.campaignId}:${state.revision}` }],
      em,
    );
  });
}
