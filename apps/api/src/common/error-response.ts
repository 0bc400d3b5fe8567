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

  @ApiPropertyOptional({ type: [FieldProblem], description: 'Every problem with the input, when the answer is about input' })
  details?: FieldProblem[];
}
