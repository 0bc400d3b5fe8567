import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every endpoint answers with. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiProperty({ example: 'ACTION_NOT_IN_STEP', description: 'Stable code of the error, for clients to show their own text (libs/domain error-codes)' })
  code?: string;

  @ApiPropertyOptional({ type: [String], description: 'The values the message names (an action, a step, roles), in order', example: ['reply', 'SUBMITTED'] })
  params?: string[];

  @ApiPropertyOptional({ description: 'Per-field problems, or other specifics', example: [{ field: 'regionCode', reason: 'must be a six-digit region code' }] })
  details?: unknown;
}
