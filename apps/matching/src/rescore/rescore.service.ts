import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Problems } from '@techbridge/platform';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { MatchSetWriter } from '../match-sets/match-set.writer';

export interface RescoreJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  changed: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/**
 * Re-scores every open need (after a weight or rate change). One transaction per need, so progress is
 * visible and a failure half-way leaves every finished need consistent. Only sets that change are
 * rewritten and announced.
 */
@Injectable()
export class RescoreService {
  private readonly logger = new Logger('Rescore');
  private readonly jobs = new Map<string, RescoreJob>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly writer: MatchSetWriter,
  ) {}

  start(): RescoreJob {
    const running = [...this.jobs.values()].find((j) => j.status === 'running');
    if (running) throw Problems.conflict(`Rescore job ${running.id} is still running (${running.done}/${running.total}).`);
    const needIds = this.index.liveNeedIds();
    const job: RescoreJob = {
      id: randomUUID(),
      status: 'running',
      total: needIds.length,
      done: 0,
      changed: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    void this.run(job, needIds);
    return { ...job };
  }

  get(id: string): RescoreJob {
    const job = this.jobs.get(id);
    if (!job) throw Problems.notFound(`Rescore job ${id}`);
    return { ...job };
  }

  private async run(job: RescoreJob, needIds: string[]): Promise<void> {
    try {
      for (const needId of needIds) {
        const changed = await this.dataSource.transaction((m) => this.writer.recompute(m, needId, 'rescore'));
        job.done += 1;
        if (changed) job.changed += 1;
      }
      job.status = 'done';
    } catch (err) {
      job.status = 'failed';
      job.error = String((err as Error)?.message ?? err);
      this.logger.error(`rescore ${job.id} failed after ${job.done}/${job.total}: ${job.error}`);
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }
}
