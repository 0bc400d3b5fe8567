import { ApiProperty } from '@nestjs/swagger';
import { CaseSummaryResponse } from '../case-actions/case-summary.response';

export class CaseListResponse {
  @ApiProperty({ type: [CaseSummaryResponse] }) items: CaseSummaryResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
