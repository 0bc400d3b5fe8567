import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox filters a user saved under a name, kept with the account so they follow the user from
 * browser to browser. The filter itself is the case list's query as JSON, checked on the way in.
 */
export class SavedFilters1763800000045 implements MigrationInterface {
  name = 'SavedFilters1763800000045';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_filters (
        id INT NOT NULL AUTO_INCREMENT,
        user_id INT NOT NULL,
        name VARCHAR(20) NOT NULL,
        filters VARCHAR(1000) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_saved_filters_user_name (user_id, name),
        CONSTRAINT fk_saved_filters_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE saved_filters');
  }
}
