import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CatalogItemService } from '../items/catalog-item.service';
import { NEEDS, OFFERS } from '../items/item.tokens';
import { CATALOG_CONFIG, CatalogConfig } from '../config';

/**
 * Expires offers past valid-until and needs past their deadline, every EXPIRY_INTERVAL_MS. Safe with
 * any number of instances (row locks with SKIP LOCKED inside expireDue).
 */
@Injectable()
export class ExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpiryJob');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(OFFERS) private readonly offers: CatalogItemService<any, any, any>,
    @Inject(NEEDS) private readonly needs: CatalogItemService<any, any, any>,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.EXPIRY_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over both kinds; returns how many items expired. */
  async runOnce(): Promise<number> {
    let total = 0;
    for (const items of [this.offers, this.needs]) {
      let n: number;
      do {
        n = await items.expireDue();
        total += n;
      } while (n > 0);
    }
    return total;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce();
    try {
      const n = await this.running;
      if (n > 0) this.logger.log(`expired ${n} item(s)`);
    } catch (err) {
      this.logger.warn(`expiry pass failed, will retry: ${String(err)}`);
    } finally {
      this.running = undefined;
    }
  }
}
