import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { CaseEntity, CaseIntakeEntity } from '@app/database';
import { beijingDay, caseNumber } from './case-identity';

/** Attempts at a fresh number when one is already taken (only by a case from before the day sequence). */
const NUMBER_ATTEMPTS = 5;

/**
 * The API's record of what it accepted: case id → number, submission time and request fingerprint, in MySQL.
 * It decides what an Idempotency-Key answers, however long ago Temporal dropped the workflow's history.
 */
@Injectable()
export class IntakeLedger {
  constructor(
    @InjectRepository(CaseIntakeEntity) private readonly intakes: Repository<CaseIntakeEntity>,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
  ) {}

  find(caseId: string): Promise<CaseIntakeEntity | null> {
    return this.intakes.findOneBy({ caseId });
  }

  /**
   * Records a new case under the next number of its Beijing day. When a concurrent request with the same key
   * recorded the case first, answers with that record instead (`created: false`).
   */
  async record(caseId: string, fingerprint: string | null, submittedAt: Date): Promise<{ intake: CaseIntakeEntity; created: boolean }> {
    const day = beijingDay(submittedAt);
    for (let attempt = 1; ; attempt++) {
      const intake: CaseIntakeEntity = { caseId, caseNo: caseNumber(day, await this.nextSeq(day)), fingerprint, submittedAt };
      try {
        await this.intakes.insert(intake);
        return { intake, created: true };
      } catch (error) {
        const duplicate = duplicateKey(error);
        if (duplicate === 'PRIMARY') {
          const first = await this.find(caseId);
          if (first) return { intake: first, created: false };
        }
        if (duplicate !== 'uq_case_intakes_case_no' || attempt >= NUMBER_ATTEMPTS) throw error;
      }
    }
  }

  /** Whether the case workflow has written the case row: then the case exists, whatever Temporal still keeps. */
  async registered(caseId: string): Promise<boolean> {
    return this.cases.existsBy({ id: caseId });
  }

  /** One statement: the day's counter goes up by one and the new value comes back (LAST_INSERT_ID(expr)). */
  private async nextSeq(day: string): Promise<number> {
    const result: { insertId: number } = await this.intakes.query(
      'INSERT INTO case_number_days (day, last_seq) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)',
      [day],
    );
    return Number(result.insertId);
  }
}

/** The unique key a failed insert ran into, if that was the failure. */
function duplicateKey(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = (error as QueryFailedError & { driverError?: { code?: string; sqlMessage?: string } }).driverError;
  if (driver?.code !== 'ER_DUP_ENTRY') return null;
  return /for key '(?:[\w]+\.)?(\w+)'/.exec(driver.sqlMessage ?? '')?.[1] ?? null;
}
