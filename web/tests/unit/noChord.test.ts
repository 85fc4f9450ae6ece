import { describe, expect, it } from 'vitest';
import { withNoChordRoots } from '../../src/noChord';

const harmony = (inner: string) => `<measure number="1">\n      <harmony>\n        ${inner}\n      </harmony>\n      <note/>\n</measure>`;

describe('no-chord symbols for OSMD', () => {
  it('gives a no-chord function the unprinted root OSMD needs, keeping its kind and text', () => {
    expect(withNoChordRoots(harmony('<function>N.C.</function>\n        <kind text="N.C.">none</kind>'))).toBe(
      harmony('<root><root-step text="">C</root-step></root>\n        <kind text="N.C.">none</kind>'),
    );
  });

  it('leaves chords with a root, and a function over a real chord kind, alone', () => {
    const chord = harmony('<root>\n          <root-step>E</root-step>\n          <root-alter>-1</root-alter>\n        </root>\n        <kind text="m7">minor-seventh</kind>');
    const functionChord = harmony('<function>V</function>\n        <kind text="7">dominant</kind>');
    expect(withNoChordRoots(chord)).toBe(chord);
    expect(withNoChordRoots(functionChord)).toBe(functionChord);
  });

  it('rewrites every no-chord symbol in the score', () => {
    const two = harmony('<function>N.C.</function><kind text="N.C.">none</kind>') + harmony('<function>N.C.</function><kind text="N.C.">none</kind>');
    expect(withNoChordRoots(two).match(/<root-step text="">C<\/root-step>/g)).toHaveLength(2);
    expect(withNoChordRoots(two)).not.toContain('<function>');
  });
});
