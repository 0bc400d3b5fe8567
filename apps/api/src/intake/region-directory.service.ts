import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CYBERSPACE_OFFICE_KINDS, regionAncestry } from '@app/domain';
import { OrganizationEntity } from '@app/database';

const CACHE_MS = 60_000;

/** Which region codes the organization tree answers for; read often, changed rarely, so cached briefly. */
@Injectable()
export class RegionDirectory {
  private cached: { codes: Set<string>; until: number } | null = null;

  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  /** A region is known when it, its city or its province has a cyberspace office. */
  async isKnown(regionCode: string): Promise<boolean> {
    const codes = await this.officeRegions();
    return regionAncestry(regionCode).some((code) => codes.has(code));
  }

  private async officeRegions(): Promise<Set<string>> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.codes;
    const rows = await this.organizations.find({ where: { kind: In([...CYBERSPACE_OFFICE_KINDS]) }, select: { regionCode: true } });
    const codes = new Set(rows.map((r) => r.regionCode).filter((c) => c !== '000000'));
    this.cached = { codes, until: Date.now() + CACHE_MS };
    return codes;
  }
}
