// An uploaded primer: the opening of a lead sheet, as MusicXML text, for the model to continue. The server reads it
// properly and refuses what the model cannot write; this only reads the few facts the form shows and follows (its
// length, key and meter), so the request around the primer agrees with it before it is sent.
import { majorKeys, minorKeys } from './form';

export interface PrimerFacts {
  /** Measures in the first part. */
  bars: number;
  /** The key as the form names it (`Eb`, `F#m`), when the first key signature says one. */
  key?: string;
  /** `3/4`, when the first time signature says one. */
  timeSignature?: string;
}

/** The file's facts, or a sentence saying why it is no MusicXML lead sheet (the server says more once it is sent). */
export function readPrimer(text: string): { facts: PrimerFacts; problem?: undefined } | { facts?: undefined; problem: string } {
  if (!/<score-partwise[\s>]/.test(text)) {
    return { problem: /<score-timewise[\s>]/.test(text)
      ? 'This MusicXML is written bar by bar across parts (score-timewise); export it part by part (score-partwise).'
      : 'This file is not an uncompressed MusicXML score (no <score-partwise>).' };
  }
  const part = /<part\s[^>]*>([\s\S]*?)<\/part>/.exec(text)?.[1] ?? '';
  const bars = (part.match(/<measure[\s>]/g) ?? []).length;
  if (bars === 0) return { problem: 'This MusicXML has no bars.' };
  const facts: PrimerFacts = { bars };
  const key = keyName(first(part, 'fifths'), first(part, 'mode'));
  if (key) facts.key = key;
  const beats = first(part, 'beats');
  const beatType = first(part, 'beat-type');
  if (beats && beatType) facts.timeSignature = `${beats}/${beatType}`;
  return { facts };
}

const first = (xml: string, element: string): string | undefined => new RegExp(`<${element}>\\s*([^<]*?)\\s*</${element}>`).exec(xml)?.[1];

/** The form's name for a key signature: fifths -7..7 in major (no mode given) or minor. */
export function keyName(fifths: string | undefined, mode: string | undefined): string | undefined {
  if (fifths === undefined || !/^-?\d+$/.test(fifths)) return undefined;
  const keys: readonly string[] = mode === 'minor' ? minorKeys : mode === undefined || mode === 'major' ? majorKeys : [];
  return keys[Number(fifths) + 7];
}

/** "8 bars in A minor, 4/4" for the line under the upload. */
export function primerSummary(name: string, facts: PrimerFacts): string {
  const key = facts.key ? ` in ${spellKey(facts.key)}` : '';
  const meter = facts.timeSignature ? `, ${facts.timeSignature}` : '';
  return `${name}: ${facts.bars} ${facts.bars === 1 ? 'bar' : 'bars'}${key}${meter}. The sheet opens with them and goes on to the bar count above.`;
}

function spellKey(key: string): string {
  const minor = key.endsWith('m');
  const root = (minor ? key.slice(0, -1) : key).replace('#', '♯').replace(/^([A-G])b$/, '$1♭');
  return `${root} ${minor ? 'minor' : 'major'}`;
}
