import { BadRequestException, Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { AppConfig } from '@app/config';
import { CalendarOverrideError, CalendarService } from '@app/calendar';
import type { calendarBroadcastWorkflow } from '../../../../workflows';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { auditActor, type StaffUser } from '../auth/staff-user';

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
    private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: [DayOverrideDto] })
  async list(@Query() query: OverridesQuery): Promise<DayOverrideDto[]> {
    const rows = await this.calendar.listOverrides(query.from, query.to).catch(toHttpError);
    return rows.map((r) => ({ date: r.day, workday: r.workday, name: r.name }));
  }

  @Put()
  @HttpCode(200)
  @ApiOkResponse({ type: OverridesUpdatedResponse })
  async put(@CurrentUser() user: StaffUser, @Body() body: PutOverridesDto): Promise<OverridesUpdatedResponse> {
    await this.calendar.upsertOverrides(body.days, auditActor(user)).catch(toHttpError);
    // Saved first: if the broadcast cannot start, saving again starts it (the write is idempotent).
    const broadcastWorkflowId = `calendar-broadcast-${Date.now()}`;
    await this.client.workflow.start<typeof calendarBroadcastWorkflow>('calendarBroadcastWorkflow', { workflowId: broadcastWorkflowId, taskQueue: this.config.TEMPORAL_TASK_QUEUE, args: [] });
    return { saved: body.days.length, broadcastWorkflowId };
  }
}

function toHttpError(error: unknown): never {
  if (error instanceof CalendarOverrideError) throw new BadRequestException({ message: error.message, details: error.problems });
  throw error;
}
