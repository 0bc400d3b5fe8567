import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditRecordEntity } from '@app/audit';
import type { StaffUser } from '../auth/staff-user';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { ListAuditQuery } from './list-audit.query';

/** The audit trail as one reader may see it: scoped to the reader's reach by JurisdictionService. */
@Injectable()
export class AuditReadService {
  constructor(
    @InjectRepository(AuditRecordEntity) private readonly records: Repository<AuditRecordEntity>,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  /** Records in chain order; `limit` of them at most. */
  async list(user: StaffUser, query: ListAuditQuery, limit: number): Promise<AuditRecordEntity[]> {
    const qb = this.records.createQueryBuilder('a').orderBy('a.seq', 'ASC').limit(limit);
    if (query.caseId !== undefined) qb.andWhere('a.case_id = :caseId', { caseId: query.caseId });
    if (query.action !== undefined) qb.andWhere('a.action = :action', { action: query.action });
    if (query.fromSeq !== undefined) qb.andWhere('a.seq >= :fromSeq', { fromSeq: query.fromSeq });
    await this.jurisdiction.restrictAudit(qb, user);
    return qb.getMany();
  }
}
