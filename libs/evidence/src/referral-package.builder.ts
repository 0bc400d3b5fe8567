import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { caseFileWithoutComplainant, CaseEntity, CaseEventEntity, EvidenceFileEntity, OrganizationEntity, ReferralEntity } from '@app/database';
import { ContentStore } from '@app/storage';
import { renderReferralPackage, type ReferralPackageContent } from './referral-package.pdf';

export interface BuiltPackage {
  sha256: string;
  sizeBytes: number;
}

/**
 * Builds a referral's package once: the case file as a PDF (referral-package.pdf.ts) with a manifest of
 * every attached evidence file and its SHA-256, stored through the content store; the PDF's own hash goes
 * on the referral row and into the audit trail. A retried build finds the recorded package and returns it.
 */
@Injectable()
export class ReferralPackageBuilder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ContentStore,
    private readonly audit: AuditTrail,
  ) {}

  async build(referralId: string, at: Date = new Date()): Promise<BuiltPackage> {
    const referrals = this.dataSource.getRepository(ReferralEntity);
    const referral = await referrals.findOneByOrFail({ id: referralId });
    if (referral.packageSha256) return { sha256: referral.packageSha256, sizeBytes: referral.packageSize ?? 0 };

    const pdf = await renderReferralPackage(await this.contentOf(referral, at));
    const sha256 = await this.store.put(pdf);
    const recorded = await this.dataSource.transaction(async (em) => {
      const update = await em.update(ReferralEntity, { id: referralId, packageSha256: IsNull() }, { packageSha256: sha256, packageSize: pdf.length, packageBuiltAt: at });
      if (!update.affected) return false;
      await this.audit.append(
        [{ action: 'referral.PACKAGE_BUILT', caseId: referral.caseId, subject: `referral:${referralId}`, after: { sha256, sizeBytes: pdf.length }, occurredAt: at, dedupeKey: `referral:${referralId}:package` }],
        em,
      );
      return true;
    });
    if (recorded) return { sha256, sizeBytes: pdf.length };
    // A concurrent attempt recorded its own build first: that one stands, and these bytes are nobody's.
    const winner = await referrals.findOneByOrFail({ id: referralId });
    if (winner.packageSha256 !== sha256) await this.store.delete(sha256);
    return { sha256: winner.packageSha256!, sizeBytes: winner.packageSize ?? 0 };
  }

  private async contentOf(referral: ReferralEntity, builtAt: Date): Promise<ReferralPackageContent> {
    const kase = await this.dataSource.getRepository(CaseEntity).findOneByOrFail({ id: referral.caseId });
    const [timeline, files] = await Promise.all([
      this.dataSource.getRepository(CaseEventEntity).find({ where: { caseId: kase.id }, order: { seq: 'ASC' } }),
      this.dataSource.getRepository(EvidenceFileEntity).find({ where: { caseId: kase.id, state: 'ATTACHED' }, order: { eventSeq: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const orgIds = [kase.handlingOrgId, kase.hostUnitId, referral.disciplineOrgId].filter((id): id is number => id !== null);
    const orgs = await this.dataSource.getRepository(OrganizationEntity).findBy({ id: In(orgIds) });
    const name = (id: number | null) => (id === null ? null : (orgs.find((o) => o.id === id)?.name ?? `#${id}`));
    return {
      referralId: referral.id,
      reason: referral.reason,
      referredAt: referral.createdAt,
      builtAt,
      disciplineBody: name(referral.disciplineOrgId)!,
      case: { ...caseFileWithoutComplainant(kase), handlingOffice: name(kase.handlingOrgId)!, hostUnit: name(kase.hostUnitId) },
      timeline: timeline.map((e) => ({ seq: e.seq, type: e.type, actorRole: e.actorRole, note: e.note, occurredAt: e.occurredAt })),
      evidence: files.map((f, i) => ({ seq: i + 1, name: f.originalName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, owner: f.owner, forwarded: f.forwarded, eventSeq: f.eventSeq, sha256: f.sha256 })),
    };
  }
}
