import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { DOCUMENT_TYPES, EVIDENCE_LIMITS, IMAGE_TYPES, REFERRAL_PACKAGE_READERS } from '@app/domain';
import { PublicRateLimit } from '../abuse/throttle.decorators';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { CASE_ID_PARAM } from '../common/api-params';
import { ErrorResponse } from '../common/error-response';
import { EvidenceDownloadsService } from './evidence-downloads.service';
import { EvidenceUploadsService } from './evidence-uploads.service';
import {
  DownloadLinkResponse,
  DownloadQuery,
  EvidenceFileResponse,
  filesSchema,
  PublicEvidenceFileResponse,
  PublicUploadEvidenceDto,
  UploadEvidenceDto,
} from './evidence.dtos';

/** Multipart files in memory, bounded: a file over the limit or one too many is refused while it arrives. */
const filesInterceptor = () =>
  FilesInterceptor('files', EVIDENCE_LIMITS.maxFilesPerUpload, {
    storage: memoryStorage(),
    // Browsers send UTF-8 names (截图.png); busboy would read them as Latin-1.
    defParamCharset: 'utf8',
    limits: { fileSize: EVIDENCE_LIMITS.maxFileBytes, files: EVIDENCE_LIMITS.maxFilesPerUpload, fields: 4, fieldSize: 4096, parts: EVIDENCE_LIMITS.maxFilesPerUpload + 4 },
  });

type Uploaded = Express.Multer.File[] | undefined;
const sent = (files: Uploaded) => (files ?? []).map((f) => ({ buffer: f.buffer, originalname: f.originalname }));

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class EvidenceController {
  constructor(
    private readonly uploads: EvidenceUploadsService,
    private readonly downloads: EvidenceDownloadsService,
  ) {}

  @Get(':caseId/evidence')
  @ApiOperation({ summary: 'The evidence files attached to the case that you may see', description: "A host unit sees its own, the supervisor's and a handler's forwarded copies; never the complainant's." })
  @ApiOkResponse({ type: [EvidenceFileResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async list(@CurrentUser() user: StaffUser, @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string): Promise<EvidenceFileResponse[]> {
    return (await this.downloads.list(user, caseId)).map(EvidenceFileResponse.of);
  }

  @Post(':caseId/evidence')
  @Roles('HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR')
  @UseInterceptors(filesInterceptor())
  @ApiOperation({
    summary: 'Attach evidence files: investigation material (handler), rectification evidence (host unit, during rectification), review notes (supervisor)',
    description: 'Typed by content, images re-encoded without metadata, stored by SHA-256; attached by the case workflow (the hash goes into the audit record). 409 when the case does not take it now.',
  })
  @ApiParam(CASE_ID_PARAM)
  @ApiConsumes('multipart/form-data')
  @ApiBody(filesSchema({ note: { type: 'string', maxLength: 2000 }, forwarded: { type: 'boolean' } }))
  @ApiCreatedResponse({ type: [EvidenceFileResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse })
  @ApiServiceUnavailableResponse({ type: ErrorResponse })
  async upload(
    @CurrentUser() user: StaffUser,
    @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string,
    @UploadedFiles() files: Uploaded,
    @Body() body: UploadEvidenceDto,
  ): Promise<EvidenceFileResponse[]> {
    return (await this.uploads.uploadAsStaff(user, caseId, sent(files), body)).map(EvidenceFileResponse.of);
  }

  @Post(':caseId/evidence/:fileId/link')
  @HttpCode(200)
  @ApiOperation({ summary: 'A short-lived download link for one file, bound to you' })
  @ApiOkResponse({ type: DownloadLinkResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  link(
    @CurrentUser() user: StaffUser,
    @Param('caseId', new ParseUUIDPipe({ version: 'all' })) caseId: string,
    @Param('fileId', new ParseUUIDPipe({ version: 'all' })) fileId: string,
  ): Promise<DownloadLinkResponse> {
    return this.downloads.fileLink(user, caseId, fileId);
  }
}

@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('api/v1/public/cases')
export class PublicEvidenceController {
  constructor(private readonly uploads: EvidenceUploadsService) {}

  @Post(':caseNo/evidence')
  @UseInterceptors(filesInterceptor())
  @ApiOperation({
    summary: 'The complainant attaches screenshots or photos, right after filing or while the case is open',
    description: 'The access code travels in the form, not the address. Images only; their metadata (EXIF, GPS) is removed before storing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(filesSchema({ accessCode: { type: 'string', pattern: '^[A-Za-z0-9]{10}$' } }, ['accessCode']))
  @ApiCreatedResponse({ type: [PublicEvidenceFileResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Unknown case number or wrong access code (indistinguishable)' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The case is closed, or still being registered' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse })
  async upload(@Param('caseNo') caseNo: string, @UploadedFiles() files: Uploaded, @Body() body: PublicUploadEvidenceDto): Promise<PublicEvidenceFileResponse[]> {
    const attached = await this.uploads.uploadAsComplainant(caseNo, body.accessCode, sent(files));
    return attached.map((f) => ({ name: f.originalName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256 }));
  }
}

@ApiTags('evidence')
@Controller('api/v1')
export class EvidenceDownloadController {
  constructor(private readonly downloads: EvidenceDownloadsService) {}

  // The link is the credential (signed, bound to a user, minutes long), so a browser can open it without a header.
  @Get('evidence/download')
  @Public()
  @ApiOperation({ summary: 'Download through a signed link', description: 'Refused (409) when the stored bytes no longer match the recorded SHA-256; that is reported.' })
  // The file's own type on success; errors stay JSON (an @ApiProduces would claim its type for them too).
  @ApiOkResponse({
    description: 'The file',
    content: Object.fromEntries([...IMAGE_TYPES, ...DOCUMENT_TYPES].map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The link is invalid or has expired' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The stored bytes do not match the recorded hash' })
  async download(@Query() query: DownloadQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.downloads.download(query.token);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.bytes, {
      type: file.mimeType,
      length: file.bytes.length,
      disposition: `attachment; filename="${encodeURIComponent(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  }

  @Post('referrals/:id/package/link')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(...REFERRAL_PACKAGE_READERS)
  @ApiOperation({ summary: "A short-lived link to the referral package PDF (case file, timeline, findings, rectification history, every evidence file's SHA-256)" })
  @ApiOkResponse({ type: DownloadLinkResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The package is not built yet' })
  packageLink(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<DownloadLinkResponse> {
    return this.downloads.packageLink(user, id);
  }
}
