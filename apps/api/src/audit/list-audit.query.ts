import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** Below the trail's own cap, so the controller can ask for one more to see if a page follows. */
export const AUDIT_PAGE_MAX = 500;

export class ListAuditQuery {
  @ApiPropertyOptional({ description: 'Only records of this case' })
  @IsOptional() @IsUUID('all')
  caseId?: string;

  @ApiPropertyOptional({ description: 'Only records of this action', example: 'case.accept' })
  @IsOptional() @Matches(/^[\w.:-]{1,64}$/, { message: 'action must be 1-64 letters, digits or . _ : -' })
  action?: string;

  @ApiPropertyOptional({ description: 'Records from this seq on, oldest first; pass the previous page\'s nextFromSeq' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  fromSeq?: number;

  @ApiPropertyOptional({ default: 100, maximum: AUDIT_PAGE_MAX })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(AUDIT_PAGE_MAX)
  limit = 100;
}
