import { MigrationInterface, QueryRunner } from 'typeorm';
import { normaliseLegalName } from '../enterprises/domain/legal-name';

/**
 * Legal-name keys are now confusable skeletons without format characters: recompute the stored ones
 * so that a look-alike of an existing name is refused too. Two existing active enterprises whose names
 * now collide keep their old keys (the migration does not pick a winner); the log names them.
 */
export class LegalNameSkeletons1766500001200 implements MigrationInterface {
  name = 'LegalNameSkeletons1766500001200';

  async up(q: QueryRunner): Promise<void> {
    const rows: { id: string; legal_name: string; legal_name_key: string }[] = await q.query(`SELECT id, legal_name, legal_name_key FROM enterprises`);
    for (const row of rows) {
      const key = normaliseLegalName(row.legal_name);
      if (key === row.legal_name_key) continue;
      await q.query(`SAVEPOINT legal_name_key`);
      try {
        await q.query(`UPDATE enterprises SET legal_name_key = $2 WHERE id = $1`, [row.id, key]);
        await q.query(`RELEASE SAVEPOINT legal_name_key`);
      } catch {
        await q.query(`ROLLBACK TO SAVEPOINT legal_name_key`);
        console.warn(`enterprise ${row.id}: its legal name now looks like another active enterprise's; key left as it was`);
      }
    }
  }

  async down(): Promise<void> {
    // Keys are derived data; the previous function's keys are not needed to go back.
  }
}
