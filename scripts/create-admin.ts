import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createFirstAdministrator, dataSourceOptions } from '@app/database';

/**
 * `npm run create-admin`, and the image's `create-admin` command: the central office and its first administrator
 * in an empty database (after `migrate`). The password comes from FIRST_ADMIN_PASSWORD, never from the command
 * line, where other users of the machine could read it.
 */
async function main(): Promise<void> {
  const password = process.env.FIRST_ADMIN_PASSWORD;
  if (!password) throw new Error('set FIRST_ADMIN_PASSWORD (10 to 128 characters with a letter and a digit)');
  const config = loadConfig(process.env, { appSecrets: false });
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const username = process.env.FIRST_ADMIN_USERNAME ?? 'admin';
    const result = await createFirstAdministrator(dataSource, {
      username,
      displayName: process.env.FIRST_ADMIN_DISPLAY_NAME ?? '系统管理员',
      password,
      centralOfficeName: process.env.CENTRAL_OFFICE_NAME ?? '中央网信办',
    });
    console.log(result === 'created' ? `administrator ${username} created with the central office; sign in and build the organization tree` : 'the database already has organizations: nothing changed');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(`create-admin: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
