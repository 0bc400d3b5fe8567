import type { DataSource } from 'typeorm';

/** The application's privileges on every table of its schema unless named below. */
export const APP_TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/**
 * Tables the application may not change freely. The audit trail is append-only: a record once written is
 * never updated or deleted, and neither is an anchor that seals the chains (the head rows, audit_chain_heads
 * and audit_anchor_head, are updated on every append and every anchor and keep the default). A registry entry's versions and the monitoring weights' versions are history, append-only too.
 * TypeORM's own `migrations` table is the migration job's alone.
 */
export const APP_TABLE_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  audit_records: ['SELECT', 'INSERT'],
  audit_anchors: ['SELECT', 'INSERT'],
  registry_entry_versions: ['SELECT', 'INSERT'],
  registry_score_weights: ['SELECT', 'INSERT'],
  migrations: [],
};

/**
 * Grants the application's account its table privileges on every table of the current database. Run by
 * the migration job after the migrations (its user holds GRANT OPTION on the schema), so a table a new
 * migration adds is granted in the same deploy. Table-level grants, never schema-wide ones: a schema-wide
 * UPDATE would reach the audit trail too.
 */
export async function grantApplicationPrivileges(dataSource: DataSource, user: string, host: string): Promise<string[]> {
  const rows = (await dataSource.query(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  )) as Array<{ name: string }>;
  const granted: string[] = [];
  for (const { name } of rows) {
    const privileges = APP_TABLE_EXCEPTIONS[name] ?? APP_TABLE_PRIVILEGES;
    if (privileges.length === 0) continue;
    await dataSource.query(`GRANT ${privileges.join(', ')} ON \`${name.replace(/`/g, '``')}\` TO ?@?`, [user, host]);
    granted.push(name);
  }
  return granted;
}
