import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { verifyStoredChain } from '@app/audit';

/**
 * `npm run audit:verify [batchSize]`: walks the whole audit chain in seq order and names the first
 * broken record. Exit 0 when intact, 1 when broken or unreadable.
 */
async function main(): Promise<number> {
  const batchSize = process.argv[2] === undefined ? 5000 : Number(process.argv[2]);
  const db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  try {
    const verdict = await verifyStoredChain(db.manager, batchSize);
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.checked} records`);
      return 0;
    }
    console.log(`audit chain broken at record #${verdict.brokenAtSeq}: ${verdict.reason} (${verdict.detail})`);
    return 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`audit:verify: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
