import { PlainThrottle, createBenchConsole, progressText } from './progress';

describe('bench progress, plain mode (no TTY / CI)', () => {
  it('is due on the first update, at each 10 % step and every 5 s, never twice for one count', () => {
    const t = new PlainThrottle(1000, 5000, 1000);
    expect(t.due(0, 0)).toBe(true);
    expect(t.due(50, 1100)).toBe(false);
    expect(t.due(100, 1200)).toBe(true); // 10 %
    expect(t.due(150, 2300)).toBe(false);
    expect(t.due(160, 6200)).toBe(true); // 5 s since the last line
    expect(t.due(160, 20_000)).toBe(false); // same count
    expect(t.due(350, 20_100)).toBe(true); // 30 % (and 5 s)
    expect(t.due(450, 21_200)).toBe(true); // 40 %
  });

  it('skips 10 % steps that come within a second of the last line', () => {
    const t = new PlainThrottle(100, 5000, 1000);
    expect(t.due(0, 0)).toBe(true);
    expect(t.due(10, 100)).toBe(false);
    expect(t.due(20, 200)).toBe(false);
    expect(t.due(30, 1000)).toBe(true);
  });

  it('without a total, a line every 5 s', () => {
    const t = new PlainThrottle(0, 5000);
    expect(t.due(1, 0)).toBe(true);
    expect(t.due(2, 1000)).toBe(false);
    expect(t.due(3, 6000)).toBe(true);
  });

  it('formats the count in its unit', () => {
    expect(progressText(120, 300, 'queries')).toBe('40 % (120 / 300 queries)');
    expect(progressText(1500, 0, 'needs')).toBe('1,500 needs');
  });

  it('writes timestamped lines: start, throttled steps, done', () => {
    let now = 10_000;
    const lines: string[] = [];
    const c = createBenchConsole({ started: 0, tty: false, write: (l) => lines.push(l), now: () => now });
    const p = c.progress('quality');
    p.start('Postgres rankers', 100, 'needs ranked');
    for (let i = 0; i < 100; i++) {
      now += 200;
      p.tick();
    }
    c.log('a log line');
    p.stop();
    p.stop(); // idempotent
    expect(lines[0]).toBe('[bench  10 s]   quality · Postgres rankers: 0 % (0 / 100 needs ranked)');
    expect(lines.filter((l) => / %/.test(l))).toHaveLength(10); // 0, 10, …, 90 %; 100 % is the done line
    expect(lines.at(-2)).toBe('[bench  30 s] a log line');
    expect(lines.at(-1)).toBe('[bench  30 s]   quality · Postgres rankers: done, 100 needs ranked, 20.0 s');
  });
});
