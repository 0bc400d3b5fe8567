import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseEntity, CaseEventEntity } from '@app/database';
import { maskName, PiiCipher } from '@app/privacy';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { StaffUser } from '../auth/staff-user';
import type { CaseDetailResponse, MaskedComplainantResponse } from './case-detail.response';

/** Reads cases from the projection, within the caller's jurisdiction. */
@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseEventEntity) private readonly events: Repository<CaseEventEntity>,
    private readonly jurisdiction: JurisdictionService,
    private readonly cipher: PiiCipher,
  ) {}

  async detail(user: StaffUser, caseId: string): Promise<CaseDetailResponse> {
    const kase = await this.jurisdiction.assertCanSee(user, await this.cases.findOne({ where: { id: caseId } }));
    const timeline = await this.events.find({ where: { caseId }, order: { seq: 'ASC' } });
    return {
      id: kase.id,
      caseNo: kase.caseNo,
      source: kase.source,
      category: kase.category,
      subjectType: kase.subjectType,
      subjectName: kase.subjectName,
      regionCode: kase.regionCode,
      description: kase.description,
      anonymous: kase.anonymous,
      complainant: this.maskedComplainant(user, kase),
      stage: kase.stage,
      status: kase.status,
      severity: kase.severity,
      handlingOrgId: kase.handlingOrgId,
      createdAt: kase.createdAt,
      updatedAt: kase.updatedAt,
      timeline: timeline.map((e) => ({ seq: e.seq, type: e.type, stage: e.stage, actorRole: e.actorRole, note: e.note, occurredAt: e.occurredAt })),
    };
  }

  /** Masked only; the host unit complained about never learns who complained. */
  private maskedComplainant(user: StaffUser, kase: CaseEntity): MaskedComplainantResponse | null {
    if (kase.anonymous || user.role === 'HOST_UNIT_OPERATOR') return null;
    return {
      name: kase.complainantNameSealed ? maskName(this.cipher.open(kase.complainantNameSealed)) : null,
      phone: kase.complainantPhoneMasked,
    };
  }
}
