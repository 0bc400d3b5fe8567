// Creates the application database if it is missing (each test run makes and drops its own). Plain JS: it runs before the build.
const mysql = require('mysql2/promise');

async function main() {
  const connection = await mysql.createConnection({
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 3306),
    user: process.env.DB_USER || 'root',
    password: process.env.DB_PASSWORD || '',
  });
  const name = process.env.DB_NAME || 'fingertip_cases';
  await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  // The test runs create their own databases: the user needs CREATE and DROP.
  await connection.end();
}

main().catch((error) => {
  console.error(`ensure-databases: ${error.message}`);
  process.exit(1);
});
