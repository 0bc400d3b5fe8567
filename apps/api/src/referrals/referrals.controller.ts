import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { acknowledgeReferralUpdate, concludeReferralUpdate } from '@app/temporal';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { AcknowledgeReferralDto, ConcludeReferralDto, ListReferralsQuery, ReferralListResponse, ReferralResponse } from './referrals.dtos';
import { ReferralsService } from './referrals.service';

/** The discipline officer's inbox of referrals (移送) and the actions on them. */
@ApiTags('referrals')
@ApiBearerAuth()
@Roles('DISCIPLINE_OFFICER')
@Controller('api/v1/referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @ApiOkResponse({ type: ReferralListResponse })
  async inbox(@CurrentUser() user: StaffUser, @Query() query: ListReferralsQuery): Promise<ReferralListResponse> {
    return this.referrals.inbox(user, query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async acknowledge(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() body: AcknowledgeReferralDto): Promise<ReferralResponse> {
    return this.referrals.update(user, id, acknowledgeReferralUpdate, { actor: auditActor(user), note: body.note });
  }

  @Post(':id/conclude')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async conclude(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() body: ConcludeReferralDto): Promise<ReferralResponse> {
    return this.referrals.update(user, id, concludeReferralUpdate, { actor: auditActor(user), outcome: body.outcome, conclusion: body.conclusion });
  }
}
