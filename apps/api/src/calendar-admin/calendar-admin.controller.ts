import { BadRequestException, Body, Controller, Get, HttpCode, Put, Query, ServiceUnavailableException } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CalendarOverrideError, CalendarService } from '@app/calendar';
import { CentralOfficeOnly } from '../access/central-office.guard';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { auditActor, type StaffUser } from '../auth/staff-user';
import { ApiNullableProperty } from '../common/api-nullable';
import { ErrorResponse } from '../common/error-response';
import { CalendarBroadcasts } from './calendar-broadcasts.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DayOverrideDto {
  @ApiProperty({ example: '2027-02-06' })
  @IsString() @Matches(DATE, { message: 'date must be written YYYY-MM-DD' })
  date: string;

  @ApiProperty({ description: 'true: a make-up working day (调休上班); false: a holiday' })
  @IsBoolean()
  workday: boolean;

  @ApiProperty({ example: '春节' })
  @IsString() @Length(1, 64)
  name: string;
}

export class DayOverrideResponse extends DayOverrideDto {
  @ApiNullableProperty(Number, { description: 'User id of the administrator who saved it last' }) updatedBy: number | null;
  @ApiProperty() updatedAt: Date;
}

export class PutOverridesDto {
  @ApiProperty({ type: [DayOverrideDto] })
  @IsArray() @ValidateNested({ each: true }) @Type(() => DayOverrideDto) @ArrayMinSize(1) @ArrayMaxSize(400)
  days: DayOverrideDto[];
}

export class OverridesQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: 'from must be written YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: 'to must be written YYYY-MM-DD' }) to?: string;
}

export class OverridesUpdatedResponse {
  @ApiProperty() saved: number;
  @ApiProperty({ description: 'The workflow that moves the deadlines of running cases' }) broadcastWorkflowId: string;
}

/**
 * Holiday arrangements the calendar package does not have yet (e.g. the next year's, once the State
 * Council publishes it). Saving them moves the deadlines of running cases.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('api/v1/admin/calendar/overrides')
export class CalendarAdminController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly broadcasts: CalendarBroadcasts,
  ) {}

  @Get()
  @ApiOkResponse({ type: [DayOverrideResponse], description: 'Each stored override with who saved it last and when' })
  async list(@Query() query: OverridesQuery): Promise<DayOverrideResponse[]> {
    const rows = await this.calendar.listOverrides(query.from, query.to).catch(toHttpError);
    return rows.map((r) => ({ date: r.day, workday: r.workday, name: r.name, updatedBy: r.updatedBy, updatedAt: r.updatedAt }));
  }

  @Put()
  @CentralOfficeOnly()
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not an administrator of the central office' })
  @HttpCode(200)
  @ApiOkResponse({ type: OverridesUpdatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'A malformed day, or more than 31 days off in a row with the stored overrides' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'Saved, but Temporal did not answer: the broadcast to running cases is retried until it does' })
  async put(@CurrentUser() user: StaffUser, @Body() body: PutOverridesDto): Promise<OverridesUpdatedResponse> {
    const { broadcastId } = await this.calendar.upsertOverrides(body.days, auditActor(user)).catch(toHttpError);
    try {
      return { saved: body.days.length, broadcastWorkflowId: await this.broadcasts.start(broadcastId!) };
    } catch {
      throw new ServiceUnavailableException('The overrides are saved, but Temporal did not answer; running cases will be told as soon as it does (retried automatically)');
    }
  }
}

function toHttpError(error: unknown): never {
  if (error instanceof CalendarOverrideError) throw new BadRequestException({ message: error.message, details: error.problems });
  throw error;
}
