import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ApiNullableProperty } from '../common/api-nullable';

export class ListRegionsQuery {
  @ApiPropertyOptional({ example: '440000', description: 'Six-digit code whose divisions to list: omitted or 000000 gives the provinces, a province its cities, a city its districts' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'parent must be a six-digit GB/T 2260 region code' })
  parent?: string;
}

export class RegionResponse {
  @ApiProperty({ example: '440100' }) code: string;
  @ApiProperty({ example: '广州市' }) name: string;
  @ApiProperty({ enum: ['PROVINCE', 'CITY', 'DISTRICT'] }) level: string;
  @ApiNullableProperty(String, { example: '440000' }) parentCode: string | null;
  @ApiProperty({ description: 'Whether asking with this code as parent lists anything' }) hasChildren: boolean;
}
