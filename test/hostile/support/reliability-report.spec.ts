import { HOSTILE_BEGIN, HOSTILE_END, replaceSection } from './reliability-report';

describe('docs/reliability.md sections', () => {
  it('creates the file with an intro and the marked section', () => {
    const doc = replaceSection(undefined, HOSTILE_BEGIN, HOSTILE_END, 'first run');
    expect(doc).toMatch(/^# Reliability\n/);
    expect(doc).toContain(`${HOSTILE_BEGIN}\nfirst run\n${HOSTILE_END}\n`);
  });

  it('replaces only its own section and keeps the fault-injection one byte for byte', () => {
    const faults = '<!-- faults:begin -->\nkill -9 of catalog: 0 lost\n<!-- faults:end -->';
    const before = `# Reliability\n\nIntro.\n\n${faults}\n\n${HOSTILE_BEGIN}\nold numbers\n${HOSTILE_END}\n\nTrailer.\n`;
    const after = replaceSection(before, HOSTILE_BEGIN, HOSTILE_END, 'new numbers');
    expect(after).toBe(
      `# Reliability\n\nIntro.\n\n${faults}\n\n${HOSTILE_BEGIN}\nnew numbers\n${HOSTILE_END}\n\nTrailer.\n`,
    );
    const appended = replaceSection(`# Reliability\n\n${faults}\n`, HOSTILE_BEGIN, HOSTILE_END, 'x');
    expect(appended).toBe(`# Reliability\n\n${faults}\n\n${HOSTILE_BEGIN}\nx\n${HOSTILE_END}\n`);
  });
});
