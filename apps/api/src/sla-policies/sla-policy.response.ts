import { ApiProperty } from '@nestjs/swagger';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '@app/domain';
import { SlaTermsDto } from './publish-sla-policy.dto';
import { ApiNullableProperty } from '../common/api-nullable';

/** One stored version: the terms (reusing the request's documentation) plus id, scope and provenance. */
export class SlaPolicyResponse extends SlaTermsDto {
  @ApiProperty({ description: 'Id of this version; a case keeps it for life' }) policyId: number;
  @ApiProperty({ description: 'Version within its scope, from 1' }) version: number;
  @ApiNullableProperty(CATEGORIES, { description: 'null: any category' }) category: Category | null;
  @ApiNullableProperty(SEVERITIES, { description: 'null: any severity' }) severity: Severity | null;
  @ApiProperty({ description: 'The version new cases of this scope get' }) active: boolean;
  @ApiNullableProperty(Number, { description: 'User id of the administrator who published it; null for the built-in default' }) createdBy: number | null;
  @ApiProperty() createdAt: Date;
}
