import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ListCasesQuery } from '../cases/list-cases.query';

/** Which cases a saved filter shows: the case list's own query, without paging. */
export class SavedCaseFilter extends OmitType(ListCasesQuery, ['page', 'pageSize'] as const) {}

export class SaveFilterDto {
  @ApiProperty({ example: '本周超期', maxLength: 20 })
  @IsString() @Length(1, 20) @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ type: SavedCaseFilter, example: { stage: 'RECTIFYING', overdue: true } })
  @IsNotEmptyObject() @ValidateNested() @Type(() => SavedCaseFilter)
  filters: SavedCaseFilter;
}

export class SavedFilterResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: SavedCaseFilter }) filters: SavedCaseFilter;
  @ApiProperty() updatedAt: Date;
}
