import { MigrationInterface, QueryRunner } from 'typeorm';

/** The focused-monitoring weights, versioned: each change a new row, the highest version in force. */
export class RegistryScoreWeights1763800000061 implements MigrationInterface {
  name = 'RegistryScoreWeights1763800000061';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registry_score_weights (
        version INT NOT NULL AUTO_INCREMENT,
        weights VARCHAR(500) NOT NULL,
        created_by INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (version),
        CONSTRAINT fk_registry_score_weights_user FOREIGN KEY (created_by) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registry_score_weights');
  }
}
