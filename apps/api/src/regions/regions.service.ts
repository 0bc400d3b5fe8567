import { Injectable, NotFoundException } from '@nestjs/common';
import { gbt2260Regions, type Region, type RegionList } from '@app/regions';

/** The GB/T 2260 division list for pickers. */
@Injectable()
export class RegionsService {
  private readonly regions: RegionList = gbt2260Regions();

  get version(): string {
    return this.regions.version;
  }

  /** The divisions directly under `parent` (the provinces without one); an unknown parent is 404. */
  children(parent: string | undefined): Region[] {
    const children = this.regions.children(parent);
    if (!children) throw new NotFoundException(`No region ${parent} in GB/T 2260`);
    return children;
  }
}
