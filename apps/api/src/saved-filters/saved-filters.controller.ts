import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { SaveFilterDto, SavedFilterResponse } from './saved-filters.dtos';
import { MAX_SAVED_FILTERS, SavedFiltersService } from './saved-filters.service';

/** The signed-in user's own saved inbox filters; nobody sees another user's. */
@ApiTags('saved filters')
@ApiBearerAuth()
@Controller('api/v1/me/saved-filters')
export class SavedFiltersController {
  constructor(private readonly savedFilters: SavedFiltersService) {}

  @Get()
  @ApiOkResponse({ type: [SavedFilterResponse] })
  list(@CurrentUser() user: StaffUser): Promise<SavedFilterResponse[]> {
    return this.savedFilters.list(user);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: `Save the filter under its name (replacing one of the same name); at most ${MAX_SAVED_FILTERS} per user` })
  @ApiOkResponse({ type: SavedFilterResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  save(@CurrentUser() user: StaffUser, @Body() body: SaveFilterDto): Promise<SavedFilterResponse> {
    return this.savedFilters.save(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@CurrentUser() user: StaffUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.savedFilters.remove(user, id);
  }
}
