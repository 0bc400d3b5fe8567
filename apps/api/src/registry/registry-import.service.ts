import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuditEntry } from '@app/audit';
import { RegistryEntryEntity, type OrganizationEntity } from '@app/database';
import type { RegistryEntryContent } from '@app/domain';
import { gbt2260Regions } from '@app/regions';
import type { StaffUser } from '../auth/staff-user';
import type { RegistryImportProblem, RegistryImportReport } from './registry.dtos';
import { RegistryLookupService } from './registry-lookup.service';
import { RegistryReach } from './registry-reach';
import { contentOf, contentProblems, RegistryService, toContent } from './registry.service';
import { readRegistrySheet, SHEET_COLUMNS, SheetError, type SheetEntry } from './registry-sheet';

/** The sheet's header of a content field, for the report. */
const HEADER_OF: Partial<Record<keyof RegistryEntryContent, string>> = {
  ...Object.fromEntries(SHEET_COLUMNS.filter((c) => !c.key.includes(':')).map((c) => [c.key, c.header])),
  features: '打卡签到、积分排名、在线时长',
};

/**
 * Imports an office's registry sheet. Each row is checked on its own; the good rows are written in one
 * transaction and the refused ones reported with their reasons. Not all-or-nothing: offices' sheets are
 * long and mostly right, and re-importing is safe (an upsert by the natural key — host unit, kind, name —
 * and an unchanged row writes nothing), so the refused rows are fixed and the same file imported again.
 */
@Injectable()
export class RegistryImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: RegistryService,
    private readonly reach: RegistryReach,
    private readonly audit: AuditTrail,
    private readonly lookups: RegistryLookupService,
  ) {}

  async import(user: StaffUser, file: Buffer): Promise<RegistryImportReport> {
    const rows = await readRegistrySheet(file).catch((error: unknown) => {
      if (error instanceof SheetError) throw new BadRequestException(`Unreadable registry sheet: ${error.message}`);
      throw error;
    });
    const report: RegistryImportReport = { rows: rows.length, created: 0, updated: 0, unchanged: 0, refused: 0, problems: [] };
    const refuse = (row: number, problems: Omit<RegistryImportProblem, 'row'>[]) => {
      report.refused += 1;
      report.problems.push(...problems.map((p) => ({ row, ...p })));
    };
    await this.dataSource.transaction(async (em) => {
      const units = await this.reach.hostUnits(user, em);
      const seen = new Map<string, number>();
      const audit: AuditEntry[] = [];
      for (const sheetRow of rows) {
        if (!sheetRow.entry) {
          refuse(sheetRow.row, sheetRow.problems);
          continue;
        }
        const unit = hostUnitOf(sheetRow.entry, units);
        if (typeof unit === 'string') {
          refuse(sheetRow.row, [{ column: '主办单位', reason: unit }]);
          continue;
        }
        const content = toContent({ ...sheetRow.entry, hostUnitId: unit.id });
        const problems = gbt2260Regions().has(content.regionCode) ? contentProblems(content, unit) : [{ field: 'regionCode' as const, reason: '应为GB/T 2260行政区划代码' }];
        const key = `${content.hostUnitId}|${content.kind}|${content.name}`;
        if (seen.has(key)) problems.push({ field: 'name', reason: `与第${seen.get(key)}行重复（同一主办单位、类型和名称）` });
        if (problems.length > 0) {
          refuse(sheetRow.row, problems.map((p) => ({ column: HEADER_OF[p.field] ?? p.field, reason: p.reason })));
          continue;
        }
        seen.set(key, sheetRow.row);
        const existing = await em
          .createQueryBuilder(RegistryEntryEntity, 'e')
          .setLock('pessimistic_write')
          .where('e.host_unit_id = :hostUnitId AND e.kind = :kind AND e.name = :name', content)
          .getOne();
        if (content.icpFiling) {
          const holder = await em.findOneBy(RegistryEntryEntity, { icpFiling: content.icpFiling });
          if (holder && holder.id !== existing?.id) {
            refuse(sheetRow.row, [{ column: 'ICP备案号', reason: `已登记在其他条目（编号${holder.id}“${holder.name}”）` }]);
            continue;
          }
        }
        if (existing && JSON.stringify(contentOf(existing)) === JSON.stringify(content)) {
          report.unchanged += 1;
          continue;
        }
        await this.registry.write(em, user, existing, content, 'IMPORTED', audit);
        if (existing) report.updated += 1;
        else report.created += 1;
      }
      await this.audit.append(audit, em);
    });
    this.lookups.invalidate();
    return report;
  }
}

/** The row's host unit among those in reach, by number if given, else by its unique name; or why not. */
function hostUnitOf(entry: SheetEntry, units: OrganizationEntity[]): OrganizationEntity | string {
  if (entry.hostUnitId !== null) {
    const unit = units.find((u) => u.id === entry.hostUnitId);
    if (!unit) return '主办单位编号不存在，或不在您的管辖范围内';
    if (entry.hostUnitName && unit.name !== entry.hostUnitName) return `主办单位编号${unit.id}是“${unit.name}”，与所填名称不符`;
    return unit;
  }
  const named = units.filter((u) => u.name === entry.hostUnitName);
  if (named.length === 0) return '主办单位不存在，或不在您的管辖范围内';
  if (named.length > 1) return '有多个同名单位，请填写主办单位编号';
  return named[0];
}
