import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { verifyStoredChain } from '@app/audit';

/**
 * `npm run audit:verify [batchSize]`: walks the anchors, the legacy segment and every chain of the audit
 * trail and names the first break. Exit 0 when intact, 1 when broken or unreadable.
 */
async function main(): Promise<number> {
  const batchSize = process.argv[2] === undefined ? 5000 : Number(process.argv[2]);
  const db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  try {
    const verdict = await verifyStoredChain(db.manager, batchSize);
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.checked} records, ${verdict.anchors} anchors`);
      return 0;
    }
    const where = verdict.segment === 'chain' ? `chain ${verdict.chain} record #${verdict.position}` : verdict.segment === 'legacy' ? `legacy record #${verdict.position}` : `anchor #${verdict.position}`;
    console.log(`audit chain broken at ${where}: ${verdict.reason} (${verdict.detail})`);
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
