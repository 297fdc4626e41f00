/**
 * The scheduler benchmark on its own — no Postgres, no Kafka:
 *   node -r ./bench/matching-core/register.js bench/scheduling/main.ts [--quick]
 * (`npm run bench -- --only=scheduler` runs the same inside the full harness and its report.)
 */
import { runSchedulerBench } from './scheduler.bench';

const quick = process.argv.includes('--quick');
runSchedulerBench({ quick, log: (s) => console.log(s) })
  .then((f) => console.log(JSON.stringify(f, null, 2)))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
