/**
 * Writes an example of every report and agenda format for the demo workshop to docs/examples/:
 *   node scripts/generate-report-examples.js            (from the repository root)
 * The PNG of the PDF's first page needs pdftoppm (Debian: poppler-utils); without it that file is skipped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildAgendaView } from '../agenda.renderer';
import { renderReportCsv } from '../csv.renderer';
import { renderReportHtml } from '../html.renderer';
import { renderAgendaIcs } from '../ics.renderer';
import { renderReportPdf } from '../pdf.renderer';
import { renderReportXlsx } from '../xlsx.renderer';
import { DEMO_PARTICIPANTS, demoAgendaModel, demoReportModel } from './demo-workshop.fixture';

export async function generateExamples(outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    fs.writeFileSync(path.join(outDir, name), data);
    written.push(name);
  };
  const model = demoReportModel();
  write('report.json', `${JSON.stringify(model, null, 2)}\n`);
  write('report.csv', renderReportCsv(model));
  write('report-schedule.csv', renderReportCsv(model, { table: 'schedule' }));
  write('report-unmet.csv', renderReportCsv(model, { table: 'unmet' }));
  write('report.xlsx', await renderReportXlsx(model));
  write('report.html', renderReportHtml(model));
  const pdf = await renderReportPdf(model);
  write('report.pdf', pdf);

  const agendas: [string, string][] = [
    ['agenda-punjab-agricultural-research-institute', DEMO_PARTICIPANTS.punjabResearch], // in Kunming, UTC+8
    ['agenda-sindh-solar-farmers-cooperative', DEMO_PARTICIPANTS.sindhSolar], // in Islamabad, UTC+5
    ['agenda-islamabad-fintech-solutions', DEMO_PARTICIPANTS.islamabadFintech], // online, UTC+5
  ];
  for (const [name, id] of agendas) {
    const agenda = demoAgendaModel(id);
    write(`${name}.json`, `${JSON.stringify(buildAgendaView(agenda), null, 2)}\n`);
    write(`${name}.ics`, renderAgendaIcs(agenda));
  }

  const png = spawnSync(
    'pdftoppm',
    [
      '-png',
      '-r',
      '110',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path.join(outDir, 'report.pdf'),
      path.join(outDir, 'report-page1'),
    ],
    {
      encoding: 'utf8',
    },
  );
  if (png.status === 0) written.push('report-page1.png');
  else
    process.stderr.write(
      `report-page1.png not made (pdftoppm: ${png.error?.message ?? png.stderr}); apt-get install poppler-utils\n`,
    );
  return written;
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '../../../../../../docs/examples'));
  generateExamples(outDir).then(
    (files) => process.stdout.write(`wrote ${files.length} files to ${outDir}:\n  ${files.join('\n  ')}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
