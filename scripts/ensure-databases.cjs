// Creates the application and test databases if they are missing. Plain JS: it runs before the build.
const mysql = require('mysql2/promise');

async function main() {
  const connection = await mysql.createConnection({
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 3306),
    user: process.env.DB_USER || 'root',
    password: process.env.DB_PASSWORD || '',
  });
  const app = process.env.DB_NAME || 'fingertip_cases';
  for (const name of [app, `${app}_test`]) {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await connection.end();
}

main().catch((error) => {
  console.error(`ensure-databases: ${error.message}`);
  process.exit(1);
});
