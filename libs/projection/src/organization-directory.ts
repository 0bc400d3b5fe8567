import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CYBERSPACE_OFFICE_KINDS } from '@app/domain';
import { OrganizationEntity } from '@app/database';

/** Walks the organization tree for routing: supervising levels and discipline bodies. */
@Injectable()
export class OrganizationDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The office one level above: a host unit's office, an office's parent office; the central office supervises itself.
   * Read through `em` when given, so a caller inside a transaction holds one pool connection, not two.
   */
  async supervisingOffice(orgId: number, em?: EntityManager): Promise<number> {
    const ancestors = await this.ancestors(orgId, em);
    const above = ancestors.slice(1).find((o) => CYBERSPACE_OFFICE_KINDS.includes(o.kind));
    return above?.id ?? orgId;
  }

  /** The discipline body attached to the office at or above the organization. */
  async disciplineBodyFor(orgId: number): Promise<number> {
    for (const org of await this.ancestors(orgId)) {
      if (!CYBERSPACE_OFFICE_KINDS.includes(org.kind)) continue;
      const body = await this.dataSource.getRepository(OrganizationEntity).findOne({ where: { parentId: org.id, kind: 'DISCIPLINE_BODY' } });
      if (body) return body.id;
    }
    throw new Error(`no discipline body above organization ${orgId}`);
  }

  /** The discipline body one level up from a discipline body; the top one stays where it is. */
  async nextDisciplineBody(disciplineOrgId: number): Promise<number> {
    const [, office] = await this.ancestors(disciplineOrgId);
    if (!office) return disciplineOrgId;
    const above = await this.supervisingOffice(office.id);
    return above === office.id ? disciplineOrgId : this.disciplineBodyFor(above);
  }

  /** The organization and its ancestors, nearest first. */
  private async ancestors(orgId: number, em: EntityManager = this.dataSource.manager): Promise<OrganizationEntity[]> {
    const repo = em.getRepository(OrganizationEntity);
    const org = await repo.findOneBy({ id: orgId });
    if (!org) throw new Error(`organization ${orgId} does not exist`);
    const ids = org.path.split('/').filter(Boolean).map(Number);
    const rows = await repo.findBy({ id: In(ids) });
    return ids.reverse().map((id) => rows.find((r) => r.id === id)!);
  }
}
