import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query, Req, Res, StreamableFile, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { REGISTRY_READ_ROLES, REGISTRY_WRITE_ROLES } from '@app/domain';
import { CentralOfficeOnly } from '../access/central-office.guard';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { CreateRegistryEntryDto, ListRegistryQuery, RegistryHostUnitResponse, RegistryEntryResponse, RegistryImportReport, RegistryListResponse, RegistryVersionResponse, UpdateRegistryEntryDto } from './registry.dtos';
import { RegistryImportService } from './registry-import.service';
import { MonitoringListResponse, MonitoringQuery, ScoreWeightsResponse, ScoreWeightsVersionResponse, SetScoreWeightsDto } from './monitoring.dtos';
import { MonitoringService } from './monitoring.service';
import { RegistryService } from './registry.service';
import { RegistryCasesQuery, RegistryCasesResponse, RegistryLookupQuery, StaffRegistryLookupItem } from './registry-lookup.dtos';
import { RegistryLookupService } from './registry-lookup.service';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_TYPES, registryWorkbook, XLSX_TYPE } from './registry-sheet';

/** The registry of government apps, mini programs, public accounts and work groups (README, "Registry"). */
@ApiTags('registry')
@ApiBearerAuth()
@Roles(...REGISTRY_READ_ROLES)
@Controller('api/v1/registry')
export class RegistryController {
  constructor(
    private readonly registry: RegistryService,
    private readonly importer: RegistryImportService,
    private readonly monitoring: MonitoringService,
    private readonly lookups: RegistryLookupService,
  ) {}

  @Get('host-units')
  @ApiOperation({ summary: 'The organizations an entry may name as its host unit: within your jurisdiction, not discipline bodies (for pickers)' })
  @ApiOkResponse({ type: [RegistryHostUnitResponse] })
  hostUnits(@CurrentUser() user: StaffUser): Promise<RegistryHostUnitResponse[]> {
    return this.registry.hostUnits(user);
  }

  @Get('lookup')
  @ApiOperation({ summary: 'Autocomplete for staff forms: entries not closed within your jurisdiction whose name or host unit matches, best first' })
  @ApiOkResponse({ type: [StaffRegistryLookupItem] })
  @ApiBadRequestResponse({ type: ErrorResponse })
  lookup(@CurrentUser() user: StaffUser, @Query() query: RegistryLookupQuery): Promise<StaffRegistryLookupItem[]> {
    return this.lookups.staffLookup(user, query);
  }

  @Get()
  @ApiOperation({ summary: 'Entries within your jurisdiction, by name, each with its flags' })
  @ApiOkResponse({ type: RegistryListResponse })
  list(@CurrentUser() user: StaffUser, @Query() query: ListRegistryQuery): Promise<RegistryListResponse> {
    return this.registry.list(user, query);
  }

  @Get('export')
  @ApiOperation({ summary: "The entries under the same filters as an Excel file in the import's layout" })
  @ApiProduces(XLSX_TYPE)
  async export(@CurrentUser() user: StaffUser, @Query() query: ListRegistryQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await registryWorkbook(await this.registry.matching(user, query));
    res.setHeader('Content-Disposition', `attachment; filename="registry.xlsx"; filename*=UTF-8''${encodeURIComponent('政务应用登记.xlsx')}`);
    return new StreamableFile(file, { type: XLSX_TYPE });
  }

  @Get('monitoring')
  @ApiOperation({ summary: 'Focused monitoring (重点监测): the open entries within your jurisdiction, highest score first, with each factor' })
  @ApiOkResponse({ type: MonitoringListResponse })
  monitoringList(@CurrentUser() user: StaffUser, @Query() query: MonitoringQuery): Promise<MonitoringListResponse> {
    return this.monitoring.list(user, query);
  }

  @Get('score-weights')
  @ApiOperation({ summary: 'The focused-monitoring weights in force' })
  @ApiOkResponse({ type: ScoreWeightsResponse })
  scoreWeights(): Promise<ScoreWeightsResponse> {
    return this.monitoring.weights();
  }

  @Get('score-weights/history')
  @ApiOperation({ summary: 'Every version of the focused-monitoring weights, newest first (the latest 100)' })
  @ApiOkResponse({ type: [ScoreWeightsVersionResponse] })
  scoreWeightsHistory(): Promise<ScoreWeightsVersionResponse[]> {
    return this.monitoring.weightsHistory();
  }

  @Post('score-weights')
  @HttpCode(201)
  @Roles('ADMIN')
  @CentralOfficeOnly()
  @ApiOperation({ summary: "Set the focused-monitoring weights: a new version, in force at once (the central office's administrators)" })
  @ApiCreatedResponse({ type: ScoreWeightsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  setScoreWeights(@CurrentUser() user: StaffUser, @Body() body: SetScoreWeightsDto): Promise<ScoreWeightsResponse> {
    return this.monitoring.setWeights(user, body.weights);
  }

  @Post('import')
  @HttpCode(200)
  @Roles(...REGISTRY_WRITE_ROLES)
  @ApiOperation({ summary: `Import a registry sheet (the .xlsx bytes as the body, at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB and ${IMPORT_MAX_ROWS} rows): good rows are written, refused rows reported` })
  @ApiConsumes(...IMPORT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: RegistryImportReport })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Not a workbook of the layout, or too many rows' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse, description: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB` })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponse, description: 'The body is not the workbook file' })
  import(@CurrentUser() user: StaffUser, @Req() req: Request): Promise<RegistryImportReport> {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body)) throw new UnsupportedMediaTypeException(`Send the workbook as the body with Content-Type ${IMPORT_TYPES.join(' or ')}`);
    return this.importer.import(user, body);
  }

  @Post()
  @HttpCode(201)
  @Roles(...REGISTRY_WRITE_ROLES)
  @ApiCreatedResponse({ type: RegistryEntryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields; details name each with its reason in zh-CN' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The host unit has an entry of this kind and name, or the ICP number is taken' })
  create(@CurrentUser() user: StaffUser, @Body() body: CreateRegistryEntryDto): Promise<RegistryEntryResponse> {
    return this.registry.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: RegistryEntryResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@CurrentUser() user: StaffUser, @Param('id', ParseIntPipe) id: number): Promise<RegistryEntryResponse> {
    return this.registry.detail(user, id);
  }

  @Patch(':id')
  @Roles(...REGISTRY_WRITE_ROLES)
  @ApiOperation({ summary: 'Change an entry: the fields sent change, and the change is kept as a new version' })
  @ApiOkResponse({ type: RegistryEntryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  update(@CurrentUser() user: StaffUser, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateRegistryEntryDto): Promise<RegistryEntryResponse> {
    return this.registry.update(user, id, body);
  }

  @Get(':id/cases')
  @ApiOperation({ summary: 'The cases linked to the entry that you may see, newest first, with their stage and status' })
  @ApiOkResponse({ type: RegistryCasesResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  cases(@CurrentUser() user: StaffUser, @Param('id', ParseIntPipe) id: number, @Query() query: RegistryCasesQuery): Promise<RegistryCasesResponse> {
    return this.lookups.cases(user, id, query.page, query.pageSize);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every version of the entry, newest first, with who changed it and when' })
  @ApiOkResponse({ type: [RegistryVersionResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse })
  history(@CurrentUser() user: StaffUser, @Param('id', ParseIntPipe) id: number): Promise<RegistryVersionResponse[]> {
    return this.registry.history(user, id);
  }
}
