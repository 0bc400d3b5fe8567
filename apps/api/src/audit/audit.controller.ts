import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@app/audit';
import { Roles } from '../auth/auth.decorators';
import { AuditListResponse, AuditVerifyResponse } from './audit.responses';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('ADMIN', 'DISCIPLINE_OFFICER')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  @ApiOperation({ summary: 'Audit records in chain order, filtered by case and action' })
  @ApiOkResponse({ type: AuditListResponse })
  async list(@Query() query: ListAuditQuery): Promise<AuditListResponse> {
    // One record more than asked tells whether another page follows.
    const rows = await this.audit.list({ caseId: query.caseId, action: query.action, fromSeq: query.fromSeq, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    return { items, nextFromSeq: rows.length > query.limit ? rows[query.limit].seq : null };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verifies the whole hash chain and names the first broken record' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
