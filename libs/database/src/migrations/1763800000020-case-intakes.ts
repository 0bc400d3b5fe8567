import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake bookkeeping kept by the API:
 * - `case_intakes` maps each case id (derived from the Idempotency-Key when there is one) to its number, its
 *   submission time and the keyed fingerprint of the request, so a key replayed after Temporal dropped the
 *   workflow's history still answers with its case; existing cases are carried over (no fingerprint);
 * - `case_number_days` numbers each Beijing day's cases 1, 2, 3…, so case numbers cannot collide.
 */
export class CaseIntakes1763800000020 implements MigrationInterface {
  name = 'CaseIntakes1763800000020';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_intakes (
        case_id CHAR(36) NOT NULL,
        case_no VARCHAR(32) NOT NULL,
        fingerprint CHAR(64) NULL,
        submitted_at DATETIME(3) NOT NULL,
        PRIMARY KEY (case_id),
        UNIQUE KEY uq_case_intakes_case_no (case_no)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('INSERT INTO case_intakes (case_id, case_no, fingerprint, submitted_at) SELECT id, case_no, NULL, created_at FROM cases');
    await q.query(`
      CREATE TABLE case_number_days (
        day CHAR(8) NOT NULL,
        last_seq INT NOT NULL,
        PRIMARY KEY (day)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_number_days');
    await q.query('DROP TABLE case_intakes');
  }
}
