import { ApiProperty } from '@nestjs/swagger';
import { CaseSummaryResponse } from '../case-actions/case-summary.response';

export class CaseListResponse {
  @ApiProperty({ type: [CaseSummaryResponse] }) items: CaseSummaryResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Cases matching the filters, counted up to 10000: when more match, 10000 and totalExact is false' }) total: number;
  @ApiProperty({ description: 'false when more than 10000 cases match and total stops there' }) totalExact: boolean;
}
