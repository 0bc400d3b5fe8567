import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EVIDENCE_LIMITS, EVIDENCE_OWNERS, type EvidenceOwner } from '@app/domain';
import type { EvidenceFileEntity } from '@app/database';
import { ApiNullableProperty } from '../common/api-nullable';

const ACCESS_CODE = /^[A-Za-z0-9]{10}$/;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The multipart form's schema, for the API document: the files, and the fields beside them. */
export const filesSchema = (fields: Record<string, object>, required: string[] = []) => ({
  schema: {
    type: 'object',
    required: ['files', ...required],
    properties: {
      files: {
        type: 'array',
        maxItems: EVIDENCE_LIMITS.maxFilesPerUpload,
        items: { type: 'string', format: 'binary' },
        description: `Up to ${EVIDENCE_LIMITS.maxFilesPerUpload} files of at most ${EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024} MB each: JPEG, PNG, WebP (staff also PDF), typed by content`,
      },
      ...fields,
    },
  },
});

export class UploadEvidenceDto {
  @ApiProperty({ required: false, maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;

  @ApiProperty({ required: false, description: "HANDLER only: these files are redacted copies of the complainant's, forwarded so that the host unit sees them" })
  @IsOptional() @Transform(toBool) @IsBoolean()
  forwarded?: boolean;
}

export class PublicUploadEvidenceDto {
  @ApiProperty({ description: 'The code given when the complaint was filed (in the form, never in the address)' })
  @IsString() @Matches(ACCESS_CODE, { message: 'accessCode must be the 10-character code given at submission' })
  accessCode: string;
}

export class EvidenceFileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name as sent, sanitized; its extension follows the sniffed type' }) name: string;
  @ApiProperty({ description: 'Sniffed from the content' }) mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the stored bytes' }) sha256: string;
  @ApiProperty({ enum: EVIDENCE_OWNERS }) owner: EvidenceOwner;
  @ApiProperty() forwarded: boolean;
  @ApiNullableProperty('integer', { description: 'The timeline event that attached it' }) eventSeq: number | null;
  @ApiNullableProperty(Date) attachedAt: Date | null;

  static of(f: EvidenceFileEntity): EvidenceFileResponse {
    return { id: f.id, name: f.originalName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256, owner: f.owner, forwarded: f.forwarded, eventSeq: f.eventSeq, attachedAt: f.attachedAt };
  }
}

/** What the complainant is told about its upload: no owner or event numbers, nothing of the case's inside. */
export class PublicEvidenceFileResponse {
  @ApiProperty() name: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the stored bytes, after metadata was removed' }) sha256: string;
}

export class DownloadLinkResponse {
  @ApiProperty({ description: 'GET it (no Authorization header needed) before it expires; it serves only you' }) url: string;
  @ApiProperty() expiresAt: Date;
}

export class DownloadQuery {
  @ApiProperty({ description: 'The signed token of a download link' })
  @IsString() @MaxLength(600)
  token: string;
}
