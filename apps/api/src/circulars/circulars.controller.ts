import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CircularAction } from '@app/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { circularPdf, circularWorkbook } from './circular-documents';
import { CircularDetailResponse, CircularListResponse, CircularNoteDto, CircularSummaryResponse, CreateCircularDto, EditCircularDto, ListCircularsQuery } from './circulars.dtos';
import { CircularsService } from './circulars.service';

const ID = { name: 'circularId', format: 'uuid' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Only the 200 answer is a file: declared per response, so the error answers stay JSON in the document.
const uuid = new ParseUUIDPipe({ version: 'all' });

@ApiTags('circulars')
@ApiBearerAuth()
@Controller('api/v1/circulars')
export class CircularsController {
  constructor(private readonly circulars: CircularsService) {}

  @Post()
  @Roles('HANDLER', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Draft a circular (情况通报) for a period and an organization in reach: the statistics are frozen now, the typical cases anonymized' })
  @ApiCreatedResponse({ type: CircularSummaryResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The organization or a typical case is not in your reach' })
  create(@CurrentUser() user: StaffUser, @Body() body: CreateCircularDto): Promise<CircularSummaryResponse> {
    return this.circulars.create(user, body);
  }

  @Get()
  @Roles('HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')
  @ApiOperation({ summary: 'Circulars of the organizations in your reach, newest first (at most 200)' })
  @ApiOkResponse({ type: CircularListResponse })
  list(@CurrentUser() user: StaffUser, @Query() query: ListCircularsQuery): Promise<CircularListResponse> {
    return this.circulars.list(user, query.status);
  }

  @Get(':circularId')
  @Roles('HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')
  @ApiParam(ID)
  @ApiOkResponse({ type: CircularDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@CurrentUser() user: StaffUser, @Param('circularId', uuid) id: string): Promise<CircularDetailResponse> {
    return this.circulars.detail(user, id);
  }

  @Get(':circularId/workbook')
  @Roles('HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')
  @ApiParam(ID)
  @ApiOperation({ summary: 'The circular as an Excel workbook: one sheet per table, rates as numbers in percent format' })
  @ApiOkResponse({ description: 'The workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async workbook(@CurrentUser() user: StaffUser, @Param('circularId', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const doc = await this.circulars.document(user, id);
    res.setHeader('Content-Disposition', `attachment; filename="circular.xlsx"; filename*=UTF-8''${encodeURIComponent(`${doc.title}.xlsx`)}`);
    return new StreamableFile(await circularWorkbook(doc), { type: XLSX });
  }

  @Get(':circularId/pdf')
  @Roles('HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN')
  @ApiParam(ID)
  @ApiOperation({ summary: 'The circular as PDF, with its charts; a published one carries its hash' })
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async pdf(@CurrentUser() user: StaffUser, @Param('circularId', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const doc = await this.circulars.document(user, id);
    res.setHeader('Content-Disposition', `attachment; filename="circular.pdf"; filename*=UTF-8''${encodeURIComponent(`${doc.title}.pdf`)}`);
    return new StreamableFile(await circularPdf(doc), { type: 'application/pdf' });
  }

  @Post(':circularId/edit')
  @HttpCode(200)
  @Roles('HANDLER', 'SUPERVISOR', 'ADMIN')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Change the texts of a draft' })
  @ApiOkResponse({ type: CircularDetailResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Not a draft' })
  edit(@CurrentUser() user: StaffUser, @Param('circularId', uuid) id: string, @Body() body: EditCircularDto): Promise<CircularDetailResponse> {
    return this.circulars.act(user, id, 'edit', body);
  }

  @Post(':circularId/review')
  @HttpCode(200)
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Review a draft (not its author)' })
  @ApiOkResponse({ type: CircularDetailResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  review(@CurrentUser() user: StaffUser, @Param('circularId', uuid) id: string, @Body() body: CircularNoteDto): Promise<CircularDetailResponse> {
    return this.act(user, id, 'review', body);
  }

  @Post(':circularId/return')
  @HttpCode(200)
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Send a reviewed circular back to draft' })
  @ApiOkResponse({ type: CircularDetailResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  return(@CurrentUser() user: StaffUser, @Param('circularId', uuid) id: string, @Body() body: CircularNoteDto): Promise<CircularDetailResponse> {
    return this.act(user, id, 'return', body);
  }

  @Post(':circularId/publish')
  @HttpCode(200)
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Publish a reviewed circular: it can no longer change; the hash of its content goes into the audit trail' })
  @ApiOkResponse({ type: CircularDetailResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  publish(@CurrentUser() user: StaffUser, @Param('circularId', uuid) id: string, @Body() body: CircularNoteDto): Promise<CircularDetailResponse> {
    return this.act(user, id, 'publish', body);
  }

  private act(user: StaffUser, id: string, action: CircularAction, body: CircularNoteDto): Promise<CircularDetailResponse> {
    return this.circulars.act(user, id, action, body);
  }
}
