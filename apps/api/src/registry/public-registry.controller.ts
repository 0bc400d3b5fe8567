import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRateLimit } from '../abuse/throttle.decorators';
import { Public } from '../auth/auth.decorators';
import { ErrorResponse } from '../common/error-response';
import { RegistryLookupItem, RegistryLookupQuery } from './registry-lookup.dtos';
import { RegistryLookupService } from './registry-lookup.service';

/** The registry as the public complaint form sees it: the names of what may be complained about, nothing more. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('api/v1/public/registry')
export class PublicRegistryController {
  constructor(private readonly lookup: RegistryLookupService) {}

  @Get('lookup')
  @ApiOperation({ summary: 'Autocomplete for the complaint form: entries not closed whose name or host unit matches, best first (public fields only)' })
  @ApiOkResponse({ type: [RegistryLookupItem] })
  @ApiBadRequestResponse({ type: ErrorResponse })
  find(@Query() query: RegistryLookupQuery): Promise<RegistryLookupItem[]> {
    return this.lookup.publicLookup(query);
  }
}
