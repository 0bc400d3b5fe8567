import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One problem with the input: which field, and what is wrong with it. */
export class FieldProblem {
  @ApiProperty({ example: 'regionCode', description: 'The field, dotted for nested ones (complainant.phone, days.0.date), or a header name' })
  field: string;

  @ApiProperty({ example: 'regionCode must be six digits' })
  reason: string;
}

/** The one error shape every endpoint answers with. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'Validation failed: regionCode' })
  message: string;

  @ApiProperty({ example: 'ACTION_NOT_IN_STEP', description: 'Stable code of the error, for clients to show their own text (libs/domain error-codes)' })
  code?: string;

  @ApiPropertyOptional({ type: [String], description: 'The values the message names (an action, a step, roles), in order', example: ['reply', 'SUBMITTED'] })
  params?: string[];

  @ApiPropertyOptional({ type: [FieldProblem], description: 'Every problem with the input, when the answer is about input' })
  details?: FieldProblem[];
}
