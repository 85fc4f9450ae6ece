// Our MusicXML writes "no chord" as <function>N.C.</function> with kind "none": over a root, MuseScore 3 prints
// "CN.C." and Verovio "C". OSMD drops a chord symbol that has neither root nor numeral, so it is handed the form the
// MusicXML specification describes (an unprinted root), which it prints as the kind's text, "N.C.".
const noChordFunction = /<function>[^<]*<\/function>(\s*<kind\b[^>]*>\s*none\s*<\/kind>)/g;

/** The score with every no-chord symbol given the unprinted root OSMD needs; everything else byte for byte. */
export const withNoChordRoots = (musicXml: string): string =>
  musicXml.replace(noChordFunction, '<root><root-step text="">C</root-step></root>$1');
