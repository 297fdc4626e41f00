import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxPublisher } from '@techbridge/messaging';
import { createTestDataSource } from '@techbridge/testing';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from '../database';
import { KnownEnterprises } from '../enterprises/known-enterprises';
import { CatalogItemService } from '../items/catalog-item.service';
import { NEED_KIND } from '../needs/need.kind';
import { OFFER_KIND } from '../offers/offer.kind';

/**
 * The expiry job on two instances at once (two connection pools on one database, as two processes
 * would have): every due item expires once, with exactly one event, and nothing else changes.
 */
describe('expiry job with two instances (integration)', () => {
  let first: DataSource;
  let second: DataSource;

  beforeAll(async () => {
    const db = await createTestDataSource('catalog_expiry', { entities: CATALOG_ENTITIES, migrations: CATALOG_MIGRATIONS });
    first = db.dataSource;
    second = new DataSource({ ...(first.options as any), name: 'second' });
    await second.initialize();
  });

  afterAll(async () => {
    await second?.destroy();
    await first?.destroy();
  });

  async function insertOffer(status: string, validUntil: string): Promise<string> {
    const id = randomUUID();
    await first.query(
      `INSERT INTO offers (id, enterprise_id, country, title, summary, description, language, sectors, keywords,
         cooperation_modes, status, version, published_at, trl, ipr_status, target_regions, valid_until)
       VALUES ($1, $2, 'CN', '光伏组件', '高效单晶光伏组件', '', 'zh-Hans', '{energy/solar-pv}', '{}', '{licensing}',
         $3, 1, now(), 8, 'none', '{}', $4)`,
      [id, randomUUID(), status, validUntil],
    );
    return id;
  }

  async function insertNeed(deadline: string | null): Promise<string> {
    const id = randomUUID();
    await first.query(
      `INSERT INTO needs (id, enterprise_id, country, title, summary, description, language, sectors, keywords,
         cooperation_modes, status, version, published_at, deadline)
       VALUES ($1, $2, 'PK', 'Solar modules', 'Need PV modules', '', 'en', '{energy/solar-pv}', '{}', '{licensing}',
         'published', 1, now(), $3)`,
      [id, randomUUID(), deadline],
    );
    return id;
  }

  it('expires each due item exactly once and announces it once', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const dueOffers = await Promise.all(Array.from({ length: 30 }, () => insertOffer('published', past)));
    const liveOffer = await insertOffer('published', future);
    const draftOffer = await insertOffer('draft', past);
    const dueNeed = await insertNeed(past);
    const openNeed = await insertNeed(null);

    const outbox = new OutboxPublisher();
    const instances = [first, second].map((ds) => ({
      offers: new CatalogItemService(OFFER_KIND, ds, outbox, new KnownEnterprises(ds)),
      needs: new CatalogItemService(NEED_KIND, ds, outbox, new KnownEnterprises(ds)),
    }));
    // Small batches so both instances really interleave.
    const run = async (i: (typeof instances)[number]) => {
      let total = 0;
      for (const items of [i.offers, i.needs]) {
        let n: number;
        do {
          n = await items.expireDue(4);
          total += n;
        } while (n > 0);
      }
      return total;
    };
    const [a, b] = await Promise.all(instances.map(run));
    expect(a + b).toBe(31);

    const events = await first.query(`SELECT key, event_type FROM outbox_messages WHERE event_type LIKE '%.expired.v1'`);
    expect(events).toHaveLength(31);
    expect(new Set(events.map((e: { key: string }) => e.key)).size).toBe(31);
    expect(events.map((e: { key: string }) => e.key)).toEqual(expect.arrayContaining([...dueOffers, dueNeed]));

    const status = async (table: string, id: string) => (await first.query(`SELECT status, version FROM ${table} WHERE id = $1`, [id]))[0];
    expect(await status('offers', dueOffers[0])).toEqual({ status: 'expired', version: 2 });
    expect(await status('offers', liveOffer)).toEqual({ status: 'published', version: 1 });
    expect(await status('offers', draftOffer)).toEqual({ status: 'draft', version: 1 });
    expect(await status('needs', dueNeed)).toEqual({ status: 'expired', version: 2 });
    expect(await status('needs', openNeed)).toEqual({ status: 'published', version: 1 });

    // A second pass finds nothing left to do.
    expect(await run(instances[0])).toBe(0);
  });
});
