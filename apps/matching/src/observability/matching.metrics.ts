import { Inject, Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { LATENCY_BUCKETS, ServiceMetrics } from '@techbridge/platform';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { RescoreQueue } from '../rescore/rescore.queue';

/** Matching's own series on `/metrics`: match latency, index size, the rescore backlog. */
@Injectable()
export class MatchingMetrics {
  private readonly matchLatency: Histogram<'trigger'>;

  constructor(metrics: ServiceMetrics, @Inject(MATCHING_INDEX) index: MatchingIndex, rescoreQueue: RescoreQueue) {
    this.matchLatency = metrics.histogram({
      name: 'techbridge_match_latency_seconds',
      help: "From a need event's time (catalog's commit) to its match set committed here",
      labelNames: ['trigger'] as const,
      buckets: LATENCY_BUCKETS,
    });
    metrics.gauge({
      name: 'techbridge_matching_index_documents',
      help: 'Documents in the in-memory matching index',
      labelNames: ['kind'] as const,
      collect() {
        const size = index.size;
        this.set({ kind: 'offer' }, size.offers);
        this.set({ kind: 'need' }, size.needs);
      },
    });
    metrics.gauge({
      name: 'techbridge_rescore_queue_needs',
      help: 'Needs waiting to be rescored after an offer changed (beyond the inline ones)',
      async collect() {
        this.set((await rescoreQueue.stats()).queued);
      },
    });
  }

  /** Call after the match set's transaction committed. */
  matchCommitted(eventTime: string, trigger: string): void {
    const seconds = (Date.now() - Date.parse(eventTime)) / 1000;
    if (Number.isFinite(seconds)) this.matchLatency.observe({ trigger }, Math.max(0, seconds));
  }
}
