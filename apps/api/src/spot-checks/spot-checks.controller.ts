import { BadRequestException, Body, Controller, Headers, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationEntity } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { IDEMPOTENCY_KEY_HEADER } from '../common/api-params';
import { ErrorResponse } from '../common/error-response';
import { CaseIntakeService } from '../intake/case-intake.service';
import { RegistryLookupService } from '../registry/registry-lookup.service';
import { CreateSpotCheckFindingDto, SpotCheckCreatedResponse } from './create-spot-check-finding.dto';

/** Findings of central and provincial spot-checks (抽查评估) enter the same case lifecycle, accepted on creation. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/spot-check-findings')
export class SpotChecksController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly jurisdiction: JurisdictionService,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly registry: RegistryLookupService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('INSPECTOR')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: SpotCheckCreatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The region is outside your jurisdiction' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'Idempotency-Key reused with a different body' })
  async create(@CurrentUser() user: StaffUser, @Body() body: CreateSpotCheckFindingDto, @Headers(IDEMPOTENCY_KEY_HEADER.name) idempotencyKey?: string): Promise<SpotCheckCreatedResponse> {
    const inspectorOrg = await this.organizations.findOneByOrFail({ id: user.organizationId });
    const prefix = inspectorOrg.regionCode.replace(/(00)+$/, '');
    if (!body.regionCode.startsWith(prefix)) throw new NotFoundException('No such region within your jurisdiction');
    if (body.hostUnitId !== undefined) {
      const unit = await this.organizations.findOneBy({ id: body.hostUnitId });
      const mine = await this.jurisdiction.organizationPath(user.organizationId);
      if (!unit || unit.kind !== 'HOST_UNIT' || !unit.path.startsWith(mine)) {
        throw new BadRequestException({ message: 'hostUnitId must be a host unit within your jurisdiction', details: [{ field: 'hostUnitId', reason: 'unknown host unit' }] });
      }
    }
    const registryEntryId = await this.registry.linkable(body.registryEntryId, body.subjectType, user);
    const receipt = await this.intake.open(
      {
        source: 'SPOT_CHECK',
        category: body.category,
        subjectType: body.subjectType,
        subjectName: body.subjectName,
        regionCode: body.regionCode,
        description: body.description,
        anonymous: false,
        complainant: null,
        severity: body.severity,
        hostUnitId: body.hostUnitId ?? null,
        registryEntryId,
      },
      body,
      idempotencyKey,
      { publicFollowUp: false },
    );
    return { caseId: receipt.caseId, caseNo: receipt.caseNo };
  }
}
