import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SlaPolicyError, SlaPolicyNotFoundError, SlaPolicyService, type SlaPolicyRecord } from '@app/sla';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { PublishSlaPolicyDto } from './publish-sla-policy.dto';
import { SlaPolicyResponse } from './sla-policy.response';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('api/v1/admin/sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPolicyService) {}

  @Get()
  @ApiOkResponse({ type: [SlaPolicyResponse], description: 'Every version, by scope, newest first' })
  list(): Promise<SlaPolicyRecord[]> {
    return this.policies.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SlaPolicyResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  one(@Param('id', ParseIntPipe) id: number): Promise<SlaPolicyRecord> {
    return this.policies.getRecord(id).catch(toHttpError);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: SlaPolicyResponse, description: 'The new active version of the scope; the previous one is retired' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  publish(@CurrentUser() user: StaffUser, @Body() body: PublishSlaPolicyDto): Promise<SlaPolicyRecord> {
    const scope = { category: body.category ?? null, severity: body.severity ?? null };
    return this.policies.publish(scope, body.terms, auditActor(user)).catch(toHttpError);
  }
}

/** Fields are reported under "terms.", as the validation pipe reports the body's nested fields. */
function toHttpError(error: unknown): never {
  if (error instanceof SlaPolicyError) {
    throw new BadRequestException({ message: error.message, details: error.problems.map((p) => ({ field: `terms.${p.field}`, reason: p.reason })) });
  }
  if (error instanceof SlaPolicyNotFoundError) throw new NotFoundException(error.message);
  throw error;
}
