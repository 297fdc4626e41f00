import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { KnownEnterpriseEntity } from './infrastructure/known-enterprise.entity';

const CHANNEL = 'techbridge_known_enterprises';
const TTL_MS = 5_000;

/**
 * Which enterprises may publish, cached: every create of an offer or need asks, and the answer only
 * changes when profiles announces a change. The projection NOTIFYs every catalog instance on commit,
 * which drops the entry; the cache lifetime bounds it if that notification is missed. An enterprise
 * not known yet (registered a moment ago: its events are on their way) is looked up again for a short
 * while instead of being refused at once.
 */
@Injectable()
export class KnownEnterprises implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly cache = new Map<string, { entity: KnownEnterpriseEntity; expires: number }>();
  private listener?: Client;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  static async announceChange(manager: EntityManager, enterpriseId: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [CHANNEL, enterpriseId]);
  }

  async find(enterpriseId: string, graceMs = 1500): Promise<KnownEnterpriseEntity | null> {
    const hit = this.cache.get(enterpriseId);
    if (hit && hit.expires > Date.now()) return hit.entity;
    const repo = this.dataSource.getRepository(KnownEnterpriseEntity);
    const deadline = Date.now() + graceMs;
    let entity = await repo.findOneBy({ enterpriseId });
    while (!entity && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      entity = await repo.findOneBy({ enterpriseId });
    }
    if (entity) {
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(enterpriseId, { entity, expires: Date.now() + TTL_MS });
    }
    return entity;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    const client = new Client({ connectionString: url });
    client.on('notification', (n) => (n.payload ? this.cache.delete(n.payload) : this.cache.clear()));
    client.on('error', () => {
      this.listener = undefined;
      this.cache.clear();
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    }
  }
}
