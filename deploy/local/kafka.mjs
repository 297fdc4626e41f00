// ESM face of kafka.cjs (the logic lives in CommonJS so Jest can load it without VM-module flags).
// CLI: node deploy/local/kafka.mjs stop|status [dev|test|bench]
import { pathToFileURL } from 'node:url';
import m from './kafka.cjs';

export const {
  ensureKafka,
  ensureTopics,
  stopKafka,
  ensureKafkaJars,
  topicSpecs,
  probeKafka,
  pickPort,
  isPortFree,
  KAFKA_VERSION,
  DEFAULT_PORTS,
} = m;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [cmd = 'status', instance = 'dev'] = process.argv.slice(2);
  if (cmd === 'stop') {
    await stopKafka(instance);
  } else if (cmd === 'status') {
    const { readFileSync } = await import('node:fs');
    const read = (f) => {
      try {
        return readFileSync(new URL(`../../.local/kafka/${instance}/${f}`, import.meta.url), 'utf8').trim();
      } catch {
        return undefined;
      }
    };
    const pid = read('kafka.pid');
    const port = read('port');
    const ok =
      pid && port
        ? await probeKafka(`127.0.0.1:${port}`).then(
            () => true,
            () => false,
          )
        : false;
    console.log(
      pid
        ? `Kafka "${instance}": pid ${pid}, 127.0.0.1:${port}, ${ok ? 'answering' : 'NOT answering'}`
        : `Kafka "${instance}": no broker recorded`,
    );
  } else {
    console.error('usage: node deploy/local/kafka.mjs stop|status [dev|test|bench]');
    process.exit(2);
  }
}
