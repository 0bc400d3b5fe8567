import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import {
  AssignCampaignItemsDto,
  CampaignDrawResponse,
  CampaignInspectorListResponse,
  CampaignItemListResponse,
  CampaignItemResponse,
  CampaignListResponse,
  CampaignResponse,
  CampaignSummaryResponse,
  ChecklistResponse,
  CloseCampaignDto,
  CreateCampaignDto,
  ListCampaignItemsQuery,
  ListCampaignsQuery,
  MyCampaignItemsQuery,
  RecordCampaignResultDto,
} from './campaigns.dtos';
import { CampaignsService } from './campaigns.service';

const ID = { name: 'campaignId', format: 'uuid' } as const;
const uuid = new ParseUUIDPipe({ version: 'all' });

/** Spot-check campaigns (抽查评估): README "Spot-check campaigns". Roles and reach: libs/domain campaign.ts and the service. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get('campaign-checklist')
  @Roles('ADMIN', 'INSPECTOR', 'SUPERVISOR')
  @ApiOperation({ summary: 'The checklist of a spot-check, drawn from the policy; each check maps to the category of the finding it makes' })
  @ApiOkResponse({ type: ChecklistResponse })
  checklist(): ChecklistResponse {
    return this.campaigns.checklist();
  }

  @Get('campaigns')
  @Roles('ADMIN', 'INSPECTOR', 'SUPERVISOR')
  @ApiOperation({ summary: 'Campaigns of the offices in your reach, newest first (at most 200)' })
  @ApiOkResponse({ type: CampaignListResponse })
  async list(@CurrentUser() user: StaffUser, @Query() query: ListCampaignsQuery): Promise<CampaignListResponse> {
    return { items: await this.campaigns.list(user, query.status) };
  }

  @Post('campaigns')
  @Roles('ADMIN', 'INSPECTOR')
  @ApiOperation({ summary: 'Define a campaign of your (central or provincial) office: scope, sample size, strata, quotas, weighting, seed' })
  @ApiCreatedResponse({ type: CampaignResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Your office does not run campaigns' })
  create(@CurrentUser() user: StaffUser, @Body() body: CreateCampaignDto): Promise<CampaignResponse> {
    return this.campaigns.create(user, body);
  }

  @Get('campaign-items/mine')
  @Roles('INSPECTOR')
  @ApiOperation({ summary: 'The campaign items assigned to you, open campaigns first, by deadline' })
  @ApiOkResponse({ type: CampaignItemListResponse })
  async mine(@CurrentUser() user: StaffUser, @Query() query: MyCampaignItemsQuery): Promise<CampaignItemListResponse> {
    return { items: await this.campaigns.mine(user, query.status) };
  }

  @Get('campaigns/:campaignId')
  @Roles('ADMIN', 'INSPECTOR', 'SUPERVISOR')
  @ApiParam(ID)
  @ApiOkResponse({ type: CampaignResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string): Promise<CampaignResponse> {
    return this.campaigns.detail(user, id);
  }

  @Post('campaigns/:campaignId/draw')
  @HttpCode(200)
  @Roles('ADMIN', 'INSPECTOR')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Draw the sample from the registry as it stands: reproducible from the seed and the snapshot (its fingerprint is kept)' })
  @ApiOkResponse({ type: CampaignDrawResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already drawn, closed, or nothing in scope' })
  draw(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string): Promise<CampaignDrawResponse> {
    return this.campaigns.draw(user, id);
  }

  @Get('campaigns/:campaignId/items')
  @Roles('ADMIN', 'INSPECTOR', 'SUPERVISOR')
  @ApiParam(ID)
  @ApiOperation({ summary: 'The items drawn, in draw order' })
  @ApiOkResponse({ type: CampaignItemListResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async items(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string, @Query() query: ListCampaignItemsQuery): Promise<CampaignItemListResponse> {
    return { items: await this.campaigns.items(user, id, query) };
  }

  @Get('campaigns/:campaignId/inspectors')
  @Roles('ADMIN', 'INSPECTOR')
  @ApiParam(ID)
  @ApiOperation({ summary: 'The inspectors items can be assigned to: the active INSPECTORs of the campaign\'s office' })
  @ApiOkResponse({ type: CampaignInspectorListResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async inspectors(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string): Promise<CampaignInspectorListResponse> {
    return { items: await this.campaigns.inspectors(user, id) };
  }

  @Post('campaigns/:campaignId/assign')
  @HttpCode(200)
  @Roles('ADMIN', 'INSPECTOR')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Assign items to inspectors of the campaign\'s office; each gets its deadline in working days, a reminder and an overdue warning' })
  @ApiOkResponse({ type: CampaignItemListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async assign(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string, @Body() body: AssignCampaignItemsDto): Promise<CampaignItemListResponse> {
    return { items: await this.campaigns.assign(user, id, body) };
  }

  @Post('campaigns/:campaignId/items/:itemNo/result')
  @HttpCode(200)
  @Roles('INSPECTOR')
  @ApiParam(ID)
  @ApiParam({ name: 'itemNo', type: 'integer' })
  @ApiOperation({ summary: 'Record the checklist of an item assigned to you; a failed check opens a spot-check finding case linked to the campaign' })
  @ApiOkResponse({ type: CampaignItemResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The item is not assigned to you' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  record(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string, @Param('itemNo', ParseIntPipe) itemNo: number, @Body() body: RecordCampaignResultDto): Promise<CampaignItemResponse> {
    return this.campaigns.record(user, id, itemNo, body);
  }

  @Post('campaigns/:campaignId/close')
  @HttpCode(200)
  @Roles('ADMIN', 'INSPECTOR')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Close the campaign (it also closes by itself once every item has a result)' })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  close(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string, @Body() body: CloseCampaignDto): Promise<CampaignResponse> {
    return this.campaigns.close(user, id, body.note);
  }

  @Get('campaigns/:campaignId/summary')
  @Roles('ADMIN', 'INSPECTOR', 'SUPERVISOR')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Items per stratum, passed and failed, findings by category, and each finding case as it stands' })
  @ApiOkResponse({ type: CampaignSummaryResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  summary(@CurrentUser() user: StaffUser, @Param('campaignId', uuid) id: string): Promise<CampaignSummaryResponse> {
    return this.campaigns.summary(user, id);
  }
}
