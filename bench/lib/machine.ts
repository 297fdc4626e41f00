/** Facts about the machine and the infrastructure versions, for the report header. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ROOT } from './procs';

export interface MachineFacts {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  loadAvgAtStart: string;
  os: string;
  node: string;
  postgres: string;
  kafka: string;
}

export async function machineFacts(
  serverUrl: string | undefined,
  brokers: string | undefined,
): Promise<MachineFacts> {
  let postgres = 'unknown';
  if (serverUrl) {
    const c = new Client({ connectionString: serverUrl });
    try {
      await c.connect();
      postgres = (await c.query('SELECT version() AS v')).rows[0].v;
    } catch (e) {
      postgres = `unknown (${(e as Error).message})`;
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  let kafka = 'unknown';
  try {
    const lib = path.join(ROOT, '.local', 'kafka', 'lib');
    const jar = fs.readdirSync(lib).find((f) => /^kafka_[\d.]+-[\d.]+\.jar$/.test(f));
    if (jar)
      kafka = `Apache Kafka ${jar.replace(/^kafka_[\d.]+-/, '').replace(/\.jar$/, '')} (KRaft, single node; jars in .local/kafka/lib)`;
  } catch {
    /* no local jars: an external broker */
  }
  if (brokers && !/(127\.0\.0\.1|localhost):29092/.test(brokers)) kafka += ` — brokers ${brokers}`;
  else if (brokers) kafka += ` — bench broker ${brokers}`;
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAvgAtStart: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / '),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    postgres,
    kafka,
  };
}
