import { Controller, Get, Headers, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ErrorResponse } from '../common/error-response';
import { ListRegionsQuery, RegionResponse } from './regions.dtos';
import { RegionsService } from './regions.service';

/** The list changes only with a deploy of a new division list: clients and proxies may keep it a day. */
const CACHE_CONTROL = 'public, max-age=86400';

@ApiTags('public')
@Controller('api/v1/regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'GB/T 2260 divisions for pickers, one level at a time', description: `Cacheable (${CACHE_CONTROL}, ETag). A complaint's region must be in this list and served by a cyberspace office.` })
  @ApiOkResponse({ type: [RegionResponse] })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such parent region' })
  list(@Query() query: ListRegionsQuery, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: Response): RegionResponse[] | undefined {
    const items = this.regions.children(query.parent);
    const etag = `"regions-${this.regions.version}-${query.parent ?? 'root'}"`;
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.setHeader('ETag', etag);
    if (ifNoneMatch?.split(/\s*,\s*/).some((tag) => tag === etag || tag === `W/${etag}`)) {
      res.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    return items;
  }
}
