import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { EVIDENCE_LIMITS, hostUnitMaySee, REFERRAL_PACKAGE_READERS } from '@app/domain';
import { CaseEntity, EvidenceFileEntity, ReferralEntity, UserEntity } from '@app/database';
import { NotificationWriter } from '@app/projection';
import { ContentIntegrityError, ContentStore, StoredObjectMissingError } from '@app/storage';
import { JurisdictionService } from '../access/jurisdiction.service';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { DownloadLinks, type LinkTarget } from './download-links';

/** The package is a PDF of the case file; far below this, but a bound keeps a damaged object from filling memory. */
const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

export interface Download {
  bytes: Buffer;
  mimeType: string;
  name: string;
}

/**
 * Who sees which file, the signed links, and the downloads: the same reach as the case (404 beyond it),
 * the host unit never the complainant's files or the office's own material unless forwarded, every
 * download of a complainant's file in the audit trail, and bytes served only when they still hash to
 * what was recorded (otherwise refused and reported).
 */
@Injectable()
export class EvidenceDownloadsService {
  private readonly logger = new Logger('EvidenceDownloads');

  constructor(
    private readonly store: ContentStore,
    private readonly links: DownloadLinks,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationWriter,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(EvidenceFileEntity) private readonly files: Repository<EvidenceFileEntity>,
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /** The attached files of a case the user may see, in the order they were attached. */
  async list(user: StaffUser, caseId: string): Promise<EvidenceFileEntity[]> {
    await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const attached = await this.files.find({ where: { caseId, state: 'ATTACHED' }, order: { eventSeq: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return attached.filter((f) => this.maySee(user, f));
  }

  async fileLink(user: StaffUser, caseId: string, fileId: string): Promise<{ url: string; expiresAt: Date }> {
    await this.visibleFile(user, fileId, caseId);
    return this.link(user, { kind: 'file', id: fileId });
  }

  /** The referral package: the discipline body holding the referral, or the case's office staff within reach. */
  async packageLink(user: StaffUser, referralId: string): Promise<{ url: string; expiresAt: Date }> {
    const referral = await this.reachableReferral(user, referralId);
    if (!referral.packageSha256) throw new ConflictException('The referral package is not built yet');
    return this.link(user, { kind: 'package', id: referralId });
  }

  /** Serves a signed link after checking it, the account behind it and its reach again. */
  async download(token: string): Promise<Download> {
    const claims = this.links.verify(token);
    const account = claims && (await this.users.findOneBy({ id: claims.userId }));
    if (!claims || !account?.active || account.tokenVersion !== claims.tokenVersion) throw new ForbiddenException('The download link is invalid or has expired');
    const user: StaffUser = { id: account.id, username: account.username, role: account.role, organizationId: account.organizationId };

    if (claims.kind === 'package') {
      const referral = await this.reachableReferral(user, claims.id);
      if (!referral.packageSha256) throw new ConflictException('The referral package is not built yet');
      const bytes = await this.verifiedBytes(user, referral.caseId, `referral_package:${referral.id}`, referral.packageSha256, MAX_PACKAGE_BYTES);
      await this.audit.append([{ action: 'referral.PACKAGE_DOWNLOADED', actor: auditActor(user), caseId: referral.caseId, subject: `referral:${referral.id}`, after: { sha256: referral.packageSha256 } }]);
      return { bytes, mimeType: 'application/pdf', name: `移送材料-${referral.caseNo}.pdf` };
    }
    const file = await this.visibleFile(user, claims.id);
    const bytes = await this.verifiedBytes(user, file.caseId, `evidence:${file.id}`, file.sha256, EVIDENCE_LIMITS.maxFileBytes * 2);
    // A complainant's file can identify them: who read it is on record.
    if (file.owner === 'COMPLAINANT') {
      await this.audit.append([{ action: 'evidence.DOWNLOADED', actor: auditActor(user), caseId: file.caseId, subject: `evidence:${file.id}`, after: { sha256: file.sha256, owner: file.owner } }]);
    }
    return { bytes, mimeType: file.mimeType, name: file.originalName };
  }

  private async link(user: StaffUser, target: LinkTarget): Promise<{ url: string; expiresAt: Date }> {
    const account = await this.users.findOneOrFail({ where: { id: user.id }, select: { id: true, tokenVersion: true } });
    const { token, expiresAt } = this.links.sign(target, account);
    return { url: `/api/v1/evidence/download?token=${token}`, expiresAt };
  }

  private async visibleFile(user: StaffUser, fileId: string, caseId?: string): Promise<EvidenceFileEntity> {
    const file = await this.files.findOneBy({ id: fileId, state: 'ATTACHED', ...(caseId ? { caseId } : {}) });
    await this.jurisdiction.assertCanSee(user, file && (await this.cases.findOneBy({ id: file.caseId })));
    if (!file || !this.maySee(user, file)) throw new NotFoundException('Evidence file not found');
    return file;
  }

  private maySee(user: StaffUser, file: EvidenceFileEntity): boolean {
    return user.role !== 'HOST_UNIT_OPERATOR' || hostUnitMaySee(file);
  }

  private async reachableReferral(user: StaffUser, referralId: string): Promise<ReferralEntity> {
    const referral = await this.referrals.findOneBy({ id: referralId });
    if (referral && (await this.reaches(user, referral))) return referral;
    throw new NotFoundException('Referral not found');
  }

  /** The discipline body that holds the referral now, or office staff who reach its case. */
  private async reaches(user: StaffUser, referral: ReferralEntity): Promise<boolean> {
    if (!REFERRAL_PACKAGE_READERS.includes(user.role)) return false;
    if (user.role === 'DISCIPLINE_OFFICER') return referral.disciplineOrgId === user.organizationId;
    try {
      await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: referral.caseId }));
      return true;
    } catch {
      return false;
    }
  }

  /** The bytes, only if they still hash to what was recorded; otherwise refused, and reported to the trail and the office. */
  private async verifiedBytes(user: StaffUser, caseId: string, subject: string, sha256: string, maxBytes: number): Promise<Buffer> {
    try {
      return await this.store.read(sha256, maxBytes);
    } catch (error) {
      if (!(error instanceof ContentIntegrityError) && !(error instanceof StoredObjectMissingError)) throw error;
      const missing = error instanceof StoredObjectMissingError;
      this.logger.error(`${subject} of case ${caseId}: ${missing ? 'stored bytes missing' : 'stored bytes do not match the recorded SHA-256'}`);
      await this.report(user, caseId, subject, sha256, missing ? 'missing' : (error as ContentIntegrityError).actual);
      throw new ConflictException(
        missing ? 'The stored file is missing; the download was refused and reported' : 'The stored file does not match its recorded SHA-256; the download was refused and reported',
      );
    }
  }

  private async report(user: StaffUser, caseId: string, subject: string, expected: string, found: string): Promise<void> {
    await this.audit.append([{ action: 'evidence.INTEGRITY_FAILED', actor: auditActor(user), caseId, subject, after: { expected, found } }]);
    const kase = await this.cases.findOne({ where: { id: caseId }, select: { id: true, caseNo: true, handlingOrgId: true } });
    if (!kase) return;
    // One notice per file and day, however often it is tried.
    const day = new Date().toISOString().slice(0, 10);
    await this.notifications.send({
      caseId,
      referralId: null,
      key: `evidence.integrity.${subject}.${day}`,
      notice: 'EVIDENCE_INTEGRITY',
      message: `case ${kase.caseNo}: a stored file no longer matches its recorded SHA-256 (${subject}); downloads of it are refused`,
      to: [{ orgId: kase.handlingOrgId, role: 'SUPERVISOR', level: 'SELF' }],
      at: new Date().toISOString(),
    });
  }
}
