import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '@app/domain';
import { SlaTermsDto } from './publish-sla-policy.dto';

/** One stored version: the terms (reusing the request's documentation) plus id, scope and provenance. */
export class SlaPolicyResponse extends SlaTermsDto {
  @ApiProperty({ description: 'Id of this version; a case keeps it for life' }) policyId: number;
  @ApiProperty({ description: 'Version within its scope, from 1' }) version: number;
  @ApiPropertyOptional({ enum: CATEGORIES, nullable: true, description: 'null: any category' }) category: Category | null;
  @ApiPropertyOptional({ enum: SEVERITIES, nullable: true, description: 'null: any severity' }) severity: Severity | null;
  @ApiProperty({ description: 'The version new cases of this scope get' }) active: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'User id of the administrator who published it; null for the built-in default' }) createdBy: number | null;
  @ApiProperty() createdAt: Date;
}
