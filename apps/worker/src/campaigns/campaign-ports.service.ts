import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { AppConfig } from '@app/config';
import { CaseEntity, CaseIntakeEntity, NotificationEntity, OrganizationEntity } from '@app/database';
import type { ActorRef, CampaignDefinition, CampaignDraw, CampaignHeader, CampaignItemState } from '@app/domain';
import type { CampaignFindingRequest, CampaignNotice, CampaignPorts } from '../../../../activities';
import { CaseIntakeService } from '../../../api/src/intake/case-intake.service';
import { IntakeLedger } from '../../../api/src/intake/intake-ledger.service';
import { RegionDirectory } from '../../../api/src/intake/region-directory.service';
import { drawFromRegistry } from './campaign-snapshot';
import { writeCampaign } from './campaign.writer';

/**
 * What the campaign workflow's activities do in the worker: draw from the registry, write the projection
 * (with its audit record), open a finding through the intake the API uses (same numbering, same
 * idempotency), and put a notice in one inspector's inbox.
 */
@Injectable()
export class CampaignPortsService implements CampaignPorts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  draw(_campaignId: string, definition: CampaignDefinition): Promise<CampaignDraw> {
    return drawFromRegistry(this.dataSource, definition);
  }

  project(header: CampaignHeader, items: CampaignItemState[], action: string, actor: ActorRef | null, note: string | null, at: Date): Promise<void> {
    return writeCampaign(this.dataSource, this.audit, header, items, action, actor, note, at);
  }

  /** The intake of POST /spot-check-findings, with the activity's client: a retry with the same key is the same case. */
  async openFinding(request: CampaignFindingRequest): Promise<{ caseId: string; caseNo: string }> {
    const repo = <T extends object>(entity: new () => T) => this.dataSource.getRepository(entity);
    const intake = new CaseIntakeService(
      Context.current().client,
      this.config,
      new RegionDirectory(repo(OrganizationEntity)),
      new IntakeLedger(repo(CaseIntakeEntity), repo(CaseEntity)),
    );
    const receipt = await intake.open(
      {
        source: 'SPOT_CHECK',
        category: request.category,
        subjectType: request.subjectType,
        subjectName: request.subjectName,
        regionCode: request.regionCode,
        description: request.description,
        anonymous: false,
        complainant: null,
        severity: request.severity,
        hostUnitId: request.hostUnitId,
        registryEntryId: request.registryEntryId,
      },
      request,
      request.key,
      { publicFollowUp: false },
    );
    return { caseId: receipt.caseId, caseNo: receipt.caseNo };
  }

  async notifyUser(userId: number, notice: CampaignNotice): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({ userId, caseId: null, referralId: null, dedupeKey: notice.key, notice: notice.notice, message: notice.message.slice(0, 500), createdAt: new Date(notice.at), readAt: null })
      .orIgnore()
      .execute();
  }
}
