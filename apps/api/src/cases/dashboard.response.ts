import { ApiProperty } from '@nestjs/swagger';

export class StageDeadlineCounts {
  @ApiProperty() stage: string;
  @ApiProperty({ description: 'Open, deadline not near' }) onTime: number;
  @ApiProperty({ description: 'Warned at two thirds of the time, not yet overdue' }) atRisk: number;
  @ApiProperty() overdue: number;
  @ApiProperty() supervised: number;
  @ApiProperty() referred: number;
  @ApiProperty() total: number;
}

export class DeadlineDashboardResponse {
  @ApiProperty() asOf: Date;
  @ApiProperty({ type: [StageDeadlineCounts] }) stages: StageDeadlineCounts[];
}
