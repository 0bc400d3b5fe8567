import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** A retry of a stalled case, once its cause is fixed. */
export class RetryStalledDto {
  @ApiPropertyOptional({ description: 'What was fixed, for the record', maxLength: 2000 })
  @IsOptional() @IsString() @Length(1, 2000)
  note?: string;
}
