import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, ServiceUnavailableException, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { In, LessThan, Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { caseWorkflowId, EVIDENCE_LIMITS, OWNER_OF_ACTOR, type ActorRef, type CommandOf, type EvidenceOwner } from '@app/domain';
import { CaseEntity, EvidenceFileEntity } from '@app/database';
import { EvidenceRefusedError, prepareEvidence, type SentFile } from '@app/evidence';
import { ContentStore, sha256Hex } from '@app/storage';
import { caseActionUpdates } from '@app/temporal';
import { JurisdictionService } from '../access/jurisdiction.service';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { accessCodeMatches } from '../intake/case-identity';
import { sendUpdate } from '../workflow-gateway/workflow-updates';

/** A pending upload older than this was never attached (its action was lost with a process): it is removed. */
const PENDING_TTL_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Uploads: check and clean each file, store its bytes under their SHA-256, record it PENDING, then ask the
 * case workflow to attach it (the attach-evidence Update carries ids and hashes, never bytes or names).
 * The workflow's event marks the rows ATTACHED; a refused action leaves nothing behind.
 */
@Injectable()
export class EvidenceUploadsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EvidenceUploads');
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
    private readonly store: ContentStore,
    private readonly jurisdiction: JurisdictionService,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(EvidenceFileEntity) private readonly files: Repository<EvidenceFileEntity>,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweepPending().catch((e: Error) => this.logger.warn(`sweeping pending uploads failed: ${e.message}`)), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  async uploadAsStaff(user: StaffUser, caseId: string, sent: SentFile[], body: { note?: string; forwarded?: boolean }): Promise<EvidenceFileEntity[]> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOneBy({ id: caseId }));
    const owner = OWNER_OF_ACTOR[user.role];
    if (!owner) throw new NotFoundException('Case not found');
    return this.attach(kase, auditActor(user), owner, sent, body.note, body.forwarded ?? false);
  }

  /** The complainant's upload, by case number and access code; a wrong code and an unknown number answer the same. */
  async uploadAsComplainant(caseNo: string, accessCode: string, sent: SentFile[]): Promise<EvidenceFileEntity[]> {
    const kase = await this.cases.findOneBy({ caseNo });
    if (!kase || !accessCodeMatches(this.config.INTAKE_SECRET, accessCode, kase.accessCodeHash)) throw new NotFoundException('No case with this number and access code');
    return this.attach(kase, { userId: null, role: 'COMPLAINANT', organizationId: null }, 'COMPLAINANT', sent, undefined, false);
  }

  private async attach(kase: CaseEntity, actor: ActorRef, owner: EvidenceOwner, sent: SentFile[], note: string | undefined, forwarded: boolean): Promise<EvidenceFileEntity[]> {
    if (sent.length === 0) throw new BadRequestException({ message: 'no evidence file was sent', details: [{ field: 'files', reason: 'no evidence file was sent' }] });
    if (sent.length > EVIDENCE_LIMITS.maxFilesPerUpload) throw new BadRequestException(`at most ${EVIDENCE_LIMITS.maxFilesPerUpload} files per upload`);
    const held = await this.files.countBy({ caseId: kase.id });
    if (held + sent.length > EVIDENCE_LIMITS.maxFilesPerCase) throw new ConflictException(`a case holds at most ${EVIDENCE_LIMITS.maxFilesPerCase} evidence files`);

    const prepared = [];
    for (const [i, file] of sent.entries()) {
      try {
        prepared.push(await prepareEvidence(file, i + 1, owner));
      } catch (error) {
        if (error instanceof EvidenceRefusedError) throw new BadRequestException({ message: error.message, details: [{ field: 'files', reason: error.message }] });
        throw error;
      }
    }
    const now = new Date();
    const rows: EvidenceFileEntity[] = prepared.map((p) => ({
      id: randomUUID(),
      caseId: kase.id,
      sha256: sha256Hex(p.bytes),
      sizeBytes: p.bytes.length,
      mimeType: p.mimeType,
      originalName: p.name,
      owner,
      forwarded,
      uploadedByUserId: actor.userId,
      uploadedByOrgId: actor.organizationId,
      state: 'PENDING',
      eventSeq: null,
      createdAt: now,
      attachedAt: null,
    }));
    // The row first, then the bytes: a concurrent discard of the same content sees this row and keeps them.
    await this.files.insert(rows);
    try {
      for (const [i, p] of prepared.entries()) await this.store.storage.put(rows[i].sha256, p.bytes);
    } catch (error) {
      this.logger.error(`storing evidence of case ${kase.id} failed: ${(error as Error).message}`);
      await this.discard(rows);
      throw new ServiceUnavailableException('The file storage is unavailable; nothing was changed. Retry later.');
    }

    const command: CommandOf<'attach-evidence'> = {
      action: 'attach-evidence',
      actor,
      payload: { files: rows.map((r) => ({ fileId: r.id, sha256: r.sha256 })), ...(note ? { note } : {}), ...(forwarded ? { forwarded } : {}) },
    };
    try {
      await sendUpdate(this.client.workflow.getHandle(caseWorkflowId(kase.id)), caseActionUpdates['attach-evidence'], command);
    } catch (error) {
      // Refused: never attached, so removed now. Not confirmed (503): it may still be attached; if not, the sweep removes it.
      if (error instanceof ConflictException) await this.discard(rows);
      throw error;
    }
    return this.files.findBy({ id: In(rows.map((r) => r.id)) });
  }

  /** Removes pending rows, and the bytes of each one that no other row still names. */
  async discard(rows: Pick<EvidenceFileEntity, 'id' | 'sha256'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.files.delete({ id: In(rows.map((r) => r.id)), state: 'PENDING' });
    for (const sha256 of new Set(rows.map((r) => r.sha256))) {
      if ((await this.files.countBy({ sha256 })) === 0) await this.store.delete(sha256).catch((e: Error) => this.logger.warn(`could not delete unreferenced evidence bytes: ${e.message}`));
    }
  }

  /** Pending uploads whose action never came back (the API died mid-way, or the answer was lost). */
  async sweepPending(olderThanMs = PENDING_TTL_MS): Promise<number> {
    const stale = await this.files.find({ where: { state: 'PENDING', createdAt: LessThan(new Date(Date.now() - olderThanMs)) }, select: { id: true, sha256: true }, take: 500 });
    await this.discard(stale);
    return stale.length;
  }
}
