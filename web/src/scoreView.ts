// Engraves a MusicXML sheet with OpenSheetMusicDisplay and drives its cursor. OSMD (with VexFlow) is most of the
// app's weight, so it is imported on first use only and lands in its own chunk.
import type { OpenSheetMusicDisplay } from 'opensheetmusicdisplay';
import { withNoChordRoots } from './noChord';

let osmdModule: Promise<typeof import('opensheetmusicdisplay')> | undefined;

/** Starts loading OSMD (once); the first result calls this as soon as it arrives. */
export const loadOsmd = (): Promise<typeof import('opensheetmusicdisplay')> => (osmdModule ??= import('opensheetmusicdisplay'));

/** OSMD's default is -1 (units of a staff space, negative is up). */
const tempoMarkLift = -4;

const reducedMotion = (): boolean => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export class Score {
  private constructor(
    private readonly osmd: OpenSheetMusicDisplay,
    private readonly container: HTMLElement,
  ) {}

  /** Renders the sheet into the container (emptied first) and records what it drew on the element for tests. */
  static async render(container: HTMLElement, musicXml: string): Promise<Score> {
    const { OpenSheetMusicDisplay } = await loadOsmd();
    container.replaceChildren();
    const osmd = new OpenSheetMusicDisplay(container, {
      backend: 'svg',
      autoResize: true,
      // The page's own heading names the variation; the sheet's long work title would repeat it.
      drawTitle: false,
      drawSubtitle: false,
      drawComposer: false,
      drawCredits: false,
      drawPartNames: false,
      followCursor: false,
      cursorsOptions: [{ type: 0, color: '#f0a202', alpha: 0.55, follow: false }],
    });
    // OSMD draws the tempo mark at chord-symbol height over the first note, so its text and the first chord symbol
    // overlap; lifting it by a chord symbol's height (about three units) puts it on its own line above.
    osmd.EngravingRules.MetronomeMarkYShift = tempoMarkLift;
    // Chord symbols with ♯ and ♭ as printed, not ASCII # and b (OSMD's default).
    osmd.EngravingRules.resetChordAccidentalTexts(osmd.EngravingRules.ChordAccidentalTexts, true);
    await osmd.load(withNoChordRoots(musicXml));
    // A phone fits one measure per line at full size; smaller notes fit two or three and stay readable.
    osmd.zoom = container.clientWidth < 600 ? 0.7 : 1;
    osmd.render();
    // OSMD's cursors are <img> elements without alt text; they are decoration, so say so.
    for (const cursor of osmd.cursors ?? []) cursor.cursorElement?.setAttribute('alt', '');
    const score = new Score(osmd, container);
    container.dataset.measures = String(score.measureCount);
    container.dataset.chordSymbols = String(score.chordSymbols().length);
    container.dataset.staves = String(score.staffCount);
    container.dataset.beamGroups = JSON.stringify(score.beamGroups());
    return score;
  }

  /** Measures as engraved (one entry per measure, whatever the number of staves). */
  get measureCount(): number {
    return this.osmd.GraphicSheet.MeasureList.length;
  }

  /** Staves per system: two for the piano layout (melody, chords), one for a lead sheet. */
  get staffCount(): number {
    return this.osmd.GraphicSheet.MeasureList[0]?.length ?? 0;
  }

  /** The chord symbols as engraved, in order. */
  chordSymbols(): string[] {
    const symbols: string[] = [];
    for (const measures of this.osmd.GraphicSheet.MeasureList) {
      for (const measure of measures) {
        for (const entry of measure?.staffEntries ?? []) {
          for (const chord of entry.graphicalChordContainers ?? []) {
            symbols.push(chord.GraphicalLabel?.Label?.text ?? '');
          }
        }
      }
    }
    return symbols;
  }

  /**
   * The melody's beamed groups as engraved: for each, its measure (from 0) and the onset of each note in that measure,
   * in whole notes (an eighth is 0.125), so a test can see which beat each group falls in.
   */
  beamGroups(): { measure: number; onsets: number[] }[] {
    const seen = new Set<unknown>();
    const groups: { measure: number; onsets: number[] }[] = [];
    this.osmd.GraphicSheet.MeasureList.forEach((measures, index) => {
      for (const entry of measures[0]?.staffEntries ?? []) {
        for (const voiceEntry of entry.graphicalVoiceEntries ?? []) {
          for (const note of voiceEntry.notes ?? []) {
            const beam = note.sourceNote?.NoteBeam;
            if (!beam || seen.has(beam)) continue;
            seen.add(beam);
            groups.push({ measure: index, onsets: beam.Notes.map((n) => n.ParentStaffEntry.Timestamp.RealValue) });
          }
        }
      }
    });
    return groups;
  }

  /** Every cursor position's onset, in whole notes from the start (what MusicXML timestamps count in). */
  cursorOnsets(): number[] {
    const cursor = this.osmd.cursor;
    const onsets: number[] = [];
    cursor.reset();
    while (!cursor.iterator.EndReached) {
      onsets.push(cursor.iterator.currentTimeStamp.RealValue);
      cursor.next();
    }
    cursor.reset();
    return onsets;
  }

  showCursor(): void {
    const cursor = this.osmd.cursor;
    cursor.reset();
    cursor.show();
    cursor.cursorElement?.setAttribute('alt', '');
    this.container.dataset.cursorStep = '0';
    this.follow();
  }

  /** Moves the cursor to the next position (the player calls this on the beat) and keeps it in view. */
  step(): void {
    this.osmd.cursor.next();
    this.container.dataset.cursorStep = String(Number(this.container.dataset.cursorStep ?? 0) + 1);
    this.follow();
  }

  hideCursor(): void {
    this.osmd.cursor.reset();
    this.osmd.cursor.hide();
    delete this.container.dataset.cursorStep;
  }

  private follow(): void {
    const element = this.osmd.cursor.cursorElement;
    if (!element) return;
    const box = element.getBoundingClientRect();
    // Scroll only when the cursor leaves the window, and jump instead of gliding for people who asked for less motion.
    if (box.top < 0 || box.bottom > window.innerHeight) {
      element.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    }
  }
}
