// Reads MusicXML through Verovio and prints what Verovio made of it: its MEI (one document per input file, between
// marker lines) for the tests to check pitches, accidentals and beams; with --svg DIR also an SVG of the first page.
// Usage: node verovio-read.mjs [--svg DIR] FILE.musicxml...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = process.env.VEROVIO_HOME;
const { default: createVerovioModule } = await import(require.resolve('verovio/wasm', { paths: [root] }));
const { VerovioToolkit } = await import(require.resolve('verovio/esm', { paths: [root] }));

const args = process.argv.slice(2);
let svgDir;
if (args[0] === '--svg') {
  svgDir = args[1];
  args.splice(0, 2);
}

const toolkit = new VerovioToolkit(await createVerovioModule());
toolkit.setOptions({ adjustPageHeight: true, pageWidth: 2100, scale: 40 });
for (const file of args) {
  if (!toolkit.loadData(readFileSync(file, 'utf8'))) {
    console.error(`verovio could not load ${file}`);
    process.exit(1);
  }
  process.stdout.write(`==== ${file}\n${toolkit.getMEI({})}\n`);
  if (svgDir) writeFileSync(`${svgDir}/${basename(file)}.svg`, toolkit.renderToSVG(1));
}
