import fs from 'node:fs';
import os from 'node:os';

export const HOSTILE_BEGIN = '<!-- hostile:begin -->';
export const HOSTILE_END = '<!-- hostile:end -->';

const INTRO = `# Reliability

How TechBridge behaves under hostile input and injected faults, measured by the test suites that produce
each section below (generated: do not edit between the markers; rerun the command named in the section).
`;

/**
 * `existing` with the text between `begin` and `end` replaced by `section` (markers kept), or with the
 * marked section appended when it is not there yet; a new file starts with a one-paragraph intro.
 * Other sections (e.g. the fault-injection one) are left exactly as they were.
 */
export function replaceSection(
  existing: string | undefined,
  begin: string,
  end: string,
  section: string,
): string {
  const block = `${begin}\n${section.trim()}\n${end}`;
  const doc = existing ?? INTRO;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from !== -1 && to > from) return doc.slice(0, from) + block + doc.slice(to + end.length);
  return `${doc.replace(/\s*$/, '')}\n\n${block}\n`;
}

/** The machine the numbers come from, in one line. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
}

export function writeHostileSection(file: string, section: string): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.writeFileSync(file, replaceSection(existing, HOSTILE_BEGIN, HOSTILE_END, section));
}
