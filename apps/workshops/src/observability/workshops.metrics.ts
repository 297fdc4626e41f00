import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceMetrics } from '@techbridge/platform';

/** Workshops' own series on `/metrics`: match-report jobs by state (read at scrape time). */
@Injectable()
export class WorkshopsMetrics {
  constructor(metrics: ServiceMetrics, @InjectDataSource() dataSource: DataSource) {
    metrics.gauge({
      name: 'techbridge_report_jobs',
      help: 'Match reports by state (pending ones wait for matching)',
      labelNames: ['state'] as const,
      async collect() {
        const rows: { status: string; n: number }[] = await dataSource.query(`SELECT status, count(*)::int AS n FROM reports GROUP BY status`);
        this.reset();
        for (const r of rows) this.set({ state: r.status }, r.n);
      },
    });
  }
}
