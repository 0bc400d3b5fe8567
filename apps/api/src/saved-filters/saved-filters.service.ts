import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SavedFilterEntity, UserEntity } from '@app/database';
import type { StaffUser } from '../auth/staff-user';
import type { SavedCaseFilter, SaveFilterDto, SavedFilterResponse } from './saved-filters.dtos';

/** How many filters one user keeps: enough for a working set, few enough to show as a row of tags. */
export const MAX_SAVED_FILTERS = 20;

/** The inbox filters each user saved, kept with the account so they follow the user to any browser. */
@Injectable()
export class SavedFiltersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: StaffUser): Promise<SavedFilterResponse[]> {
    const rows = await this.dataSource.getRepository(SavedFilterEntity).find({ where: { userId: user.id }, order: { name: 'ASC' } });
    return rows.map(toResponse);
  }

  /** Saves under the name, replacing a filter of the same name. */
  async save(user: StaffUser, dto: SaveFilterDto): Promise<SavedFilterResponse> {
    const name = dto.name.trim();
    const filters = JSON.stringify(withoutEmpty(dto.filters));
    return this.dataSource.transaction(async (em) => {
      // The account's row is the lock: two saves of one user at once take turns, so the limit holds.
      await em.createQueryBuilder(UserEntity, 'u').setLock('pessimistic_write').where('u.id = :id', { id: user.id }).getOne();
      const repo = em.getRepository(SavedFilterEntity);
      const existing = await repo.findOneBy({ userId: user.id, name });
      const now = new Date();
      if (existing) {
        await repo.update(existing.id, { filters, updatedAt: now });
        return toResponse({ ...existing, filters, updatedAt: now });
      }
      if ((await repo.countBy({ userId: user.id })) >= MAX_SAVED_FILTERS) throw new ConflictException(`At most ${MAX_SAVED_FILTERS} saved filters`);
      const { identifiers } = await repo.insert({ userId: user.id, name, filters, createdAt: now, updatedAt: now });
      return toResponse({ id: identifiers[0].id as number, userId: user.id, name, filters, createdAt: now, updatedAt: now });
    });
  }

  async remove(user: StaffUser, id: number): Promise<void> {
    const result = await this.dataSource.getRepository(SavedFilterEntity).delete({ id, userId: user.id });
    if (!result.affected) throw new NotFoundException('Saved filter not found');
  }
}

function withoutEmpty(filters: SavedCaseFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

function toResponse(row: SavedFilterEntity): SavedFilterResponse {
  return { id: row.id, name: row.name, filters: JSON.parse(row.filters) as SavedCaseFilter, updatedAt: row.updatedAt };
}
