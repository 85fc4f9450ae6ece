import { describe, expect, it } from 'vitest';
import { keyName, primerSummary, readPrimer } from '../../src/primer';

const sheet = (attributes: string, measures = 2) => `<?xml version="1.0"?>
<score-partwise version="4.0"><part-list><score-part id="P1"><part-name>Melody</part-name></score-part><score-part id="P2"/></part-list>
<part id="P1">${Array.from({ length: measures }, (_, i) => `<measure number="${i + 1}">${i === 0 ? attributes : ''}<note/></measure>`).join('')}</part>
<part id="P2"><measure number="1"/><measure number="2"/><measure number="3"/><measure number="4"/><measure number="5"/></part>
</score-partwise>`;

describe('reading an uploaded primer', () => {
  it("takes the first part's bars, key and meter", () => {
    const text = sheet('<attributes><key><fifths>-3</fifths><mode>minor</mode></key><time><beats>3</beats><beat-type>4</beat-type></time></attributes>', 8);
    expect(readPrimer(text)).toEqual({ facts: { bars: 8, key: 'Cm', timeSignature: '3/4' } });
  });

  it('reads a key signature without a mode as major and leaves out what is not written', () => {
    expect(readPrimer(sheet('<attributes><key><fifths>2</fifths></key></attributes>'))).toEqual({ facts: { bars: 2, key: 'D' } });
    expect(readPrimer(sheet(''))).toEqual({ facts: { bars: 2 } });
  });

  it('names the form keys for every signature, and none for a mode the models do not write', () => {
    expect(keyName('-7', 'major')).toBe('Cb');
    expect(keyName('7', 'minor')).toBe('A#m');
    expect(keyName('0', 'minor')).toBe('Am');
    expect(keyName('0', 'dorian')).toBeUndefined();
    expect(keyName('9', undefined)).toBeUndefined();
  });

  it('says why a file is no MusicXML lead sheet', () => {
    expect(readPrimer('PK\u0003\u0004 zipped').problem).toMatch(/not an uncompressed MusicXML score/);
    expect(readPrimer('<score-timewise version="4.0"></score-timewise>').problem).toMatch(/score-timewise/);
    expect(readPrimer('<score-partwise version="4.0"><part id="P1"></part></score-partwise>').problem).toBe('This MusicXML has no bars.');
  });

  it('sums it up for the line under the upload', () => {
    expect(primerSummary('tune.musicxml', { bars: 8, key: 'Bbm', timeSignature: '6/8' })).toBe(
      'tune.musicxml: 8 bars in B♭ minor, 6/8. The sheet opens with them and goes on to the bar count above.',
    );
    expect(primerSummary('one.xml', { bars: 1, key: 'F#' })).toBe('one.xml: 1 bar in F♯ major. The sheet opens with them and goes on to the bar count above.');
  });
});
