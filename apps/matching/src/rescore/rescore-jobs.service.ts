import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Problems } from '@techbridge/platform';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { RescoreQueue } from './rescore.queue';

export interface RescoreJob {
  id: string;
  status: 'running' | 'done';
  total: number;
  done: number;
  /** Sets whose latest change came from this job (a later change of a set moves it out of this count). */
  changed: number;
  startedAt: string;
  finishedAt: string | null;
}

const triggerOf = (jobId: string) => `rescore:${jobId}`;

/**
 * Re-scores every open need (after a weight or rate change) through the rescore queue: every matching
 * instance takes part, progress is visible from any of them, and a crash loses nothing.
 */
@Injectable()
export class RescoreJobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly queue: RescoreQueue,
  ) {}

  async start(): Promise<RescoreJob> {
    const id = randomUUID();
    const needIds = this.index.liveNeedIds();
    await this.dataSource.transaction(async (manager) => {
      // One job at a time: the advisory lock makes the check and the insert atomic across instances.
      await manager.query(`SELECT pg_advisory_xact_lock(748201302)`);
      const [running] = await manager.query(
        `SELECT j.id FROM rescore_jobs j WHERE EXISTS (SELECT 1 FROM rescore_queue q WHERE q.trigger = 'rescore:' || j.id::text) LIMIT 1`,
      );
      if (running) throw Problems.conflict(`Rescore job ${running.id} is still running.`);
      await manager.query(`INSERT INTO rescore_jobs (id, total) VALUES ($1, $2)`, [id, needIds.length]);
      await this.queue.enqueue(manager, needIds, triggerOf(id));
    });
    return this.get(id);
  }

  async get(id: string): Promise<RescoreJob> {
    const [job] = await this.dataSource.query(
      `SELECT j.id, j.total, j.started_at,
              (SELECT count(*)::int FROM rescore_queue q WHERE q.trigger = $2) AS remaining,
              (SELECT count(*)::int FROM match_sets s WHERE s.trigger = $2) AS changed,
              (SELECT max(s.computed_at) FROM match_sets s WHERE s.trigger = $2) AS last_change
         FROM rescore_jobs j WHERE j.id = $1`,
      [id, triggerOf(id)],
    );
    if (!job) throw Problems.notFound(`Rescore job ${id}`);
    const done = job.total - job.remaining;
    const finished = job.remaining === 0;
    return {
      id: job.id,
      status: finished ? 'done' : 'running',
      total: job.total,
      done,
      changed: job.changed,
      startedAt: new Date(job.started_at).toISOString(),
      finishedAt: finished ? new Date(job.last_change ?? job.started_at).toISOString() : null,
    };
  }
}
