import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@techbridge/platform';
import { IndexSync } from './index-sync';
import { MATCHING_INDEX } from './matching-index.provider';
import { MatchingIndex } from './matching-index';

/** Builds the index before any event is consumed (the inbox transport starts after module init). */
@Injectable()
export class IndexBootstrap implements OnModuleInit {
  private built = false;

  constructor(
    private readonly sync: IndexSync,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.readiness.register('index', () => ({ up: this.built, details: { ...this.index.size } }));
    await this.sync.rebuild();
    this.built = true;
  }
}
