import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicRateLimit } from '../abuse/throttle.decorators';
import { Public } from '../auth/auth.decorators';
import { IDEMPOTENCY_KEY_HEADER } from '../common/api-params';
import { ErrorResponse } from '../common/error-response';
import { ComplaintCreatedResponse, CreateComplaintDto } from './create-complaint.dto';
import { ComplaintsService } from './complaints.service';

@ApiTags('public')
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Public()
  @PublicRateLimit()
  @Post()
  @HttpCode(201)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: ComplaintCreatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'Idempotency-Key reused with a different body' })
  async create(
    @Body() body: CreateComplaintDto,
    @Headers(IDEMPOTENCY_KEY_HEADER.name) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintCreatedResponse> {
    const receipt = await this.complaints.submit(body, idempotencyKey);
    if (receipt.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return { caseId: receipt.caseId, caseNo: receipt.caseNo, accessCode: receipt.accessCode! };
  }
}
