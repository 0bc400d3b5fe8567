import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, RATE_MEASURES, SMALL_DENOMINATOR, STATISTICS_GROUPS, type StatisticsGroup } from '@app/domain';
import { ApiNullableProperty } from '../common/api-nullable';

export class RateResponse {
  @ApiProperty({ description: 'The measure: a stage deadline kind for on-time rates, else one of the rates', example: 'satisfactionRate' }) key: string;
  @ApiProperty({ example: '满意率' }) label: string;
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiNullableProperty(Number, { description: 'numerator / denominator (0..1); null when the denominator is 0' }) rate: number | null;
  @ApiProperty({ description: `The denominator is below ${SMALL_DENOMINATOR}: shown, not comparable, never ranked` }) small: boolean;
  @ApiProperty({ description: 'The counter of the numerator: GET /statistics/cases?counter= lists its cases', example: 'satisfied' }) numeratorOf: string;
  @ApiProperty({ description: 'The counter of the denominator', example: 'evaluated' }) denominatorOf: string;
}

export class HandlingDaysResponse {
  @ApiProperty({ description: 'Cases handled to the end (closed, not rejected or merged)' }) cases: number;
  @ApiNullableProperty(Number, { description: 'Working days, nearest-rank median' }) median: number | null;
  @ApiNullableProperty(Number, { description: 'Working days, nearest-rank 90th percentile' }) p90: number | null;
  @ApiProperty() small: boolean;
}

export class StatisticsRowResponse {
  @ApiProperty({ description: 'The group value: a month (2026-11), a category, a source, an organization id; ALL for the total' }) key: string;
  @ApiProperty({ example: '2026年11月' }) label: string;
  @ApiProperty({ description: 'Cases submitted in the period: the base of the rates, not a score' }) cases: number;
  @ApiProperty({ type: [RateResponse], description: `On-time rate per stage deadline (${DEADLINE_KINDS.join(', ')}): stages done without a missed deadline / stages done` }) onTime: RateResponse[];
  @ApiProperty({ type: HandlingDaysResponse }) handlingDays: HandlingDaysResponse;
  @ApiProperty({ type: [RateResponse], description: `The rates: ${RATE_MEASURES.map((m) => m.key).join(', ')}; overdueOpenRate counts open cases now, whatever the period` }) rates: RateResponse[];
}

export class StatisticsResponse {
  @ApiProperty({ example: '2026-10' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ enum: STATISTICS_GROUPS }) groupBy: StatisticsGroup;
  @ApiProperty({ description: 'Rates with a denominator below this are marked small' }) smallDenominator: number;
  @ApiProperty({ type: StatisticsRowResponse }) total: StatisticsRowResponse;
  @ApiProperty({ type: [StatisticsRowResponse] }) rows: StatisticsRowResponse[];
  @ApiProperty() asOf: Date;
}

export class StatisticsCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() source: string;
  @ApiProperty() category: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() step: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'How much the case adds to the counter (a stage done twice adds 2)' }) count: number;
}

export class StatisticsCasesResponse {
  @ApiProperty() counter: string;
  @ApiProperty({ description: 'Cases that add to the counter; their counts sum to the number in the statistics' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [StatisticsCaseResponse] }) items: StatisticsCaseResponse[];
}
