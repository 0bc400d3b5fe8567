import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@app/audit';
import { AuditVerifyRateLimit } from '../abuse/throttle.decorators';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { AuditReadService } from './audit-read.service';
import { AuditListResponse, AuditVerifyResponse } from './audit.responses';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('ADMIN', 'DISCIPLINE_OFFICER')
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditTrail,
    private readonly reader: AuditReadService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit records in chain order, filtered by case and action, within your reach' })
  @ApiOkResponse({ type: AuditListResponse })
  async list(@CurrentUser() user: StaffUser, @Query() query: ListAuditQuery): Promise<AuditListResponse> {
    // One record more than asked tells whether another page follows.
    const rows = await this.reader.list(user, query, query.limit + 1);
    const items = rows.slice(0, query.limit);
    return { items, nextFromSeq: rows.length > query.limit ? rows[query.limit].seq : null };
  }

  @Get('verify')
  @AuditVerifyRateLimit()
  @ApiOperation({ summary: 'Verifies the anchors, the legacy segment and every audit chain, and names the first break' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
