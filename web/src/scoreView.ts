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

/** Below this container width (CSS px) the sheet is drawn small with narrow margins, so a phone gets two bars a line. */
export const narrowSheet = 600;

/** One cursor position: its onset in whole notes from the start and its bar (from 0). */
export interface CursorStep {
  onset: number;
  bar: number;
}

/** Where one bar is drawn, in CSS px from the top-left of the sheet's container (inside its border). */
export interface BarBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScoreOptions {
  /** How far down the window the sticky transport covers, so following the cursor keeps it below that. */
  coveredTop?: () => number;
}

export class Score {
  private constructor(
    private readonly osmd: OpenSheetMusicDisplay,
    private readonly container: HTMLElement,
    private readonly options: ScoreOptions,
  ) {}

  /** Renders the sheet into the container (emptied first) and records what it drew on the element for tests. */
  static async render(container: HTMLElement, musicXml: string, options: ScoreOptions = {}): Promise<Score> {
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
    // A phone fits one bar a line at full size (16 systems for 16 bars). Smaller, with narrow page margins and two
    // bars to every line, even a bar of sixteenths stays legible, and the eye reads two bars a line, not one.
    if (container.clientWidth < narrowSheet) {
      osmd.zoom = 0.55;
      osmd.EngravingRules.PageLeftMargin = 1;
      osmd.EngravingRules.PageRightMargin = 1;
      osmd.EngravingRules.RenderXMeasuresPerLineAkaSystem = 2;
      // Tighter note spacing (OSMD's compact values) so a bar of sixteenths fits half a line rather than forcing one.
      osmd.EngravingRules.VoiceSpacingMultiplierVexflow = 0.65;
      osmd.EngravingRules.VoiceSpacingAddendVexflow = 2;
      osmd.EngravingRules.MinNoteDistance = 1.5;
    } else {
      osmd.zoom = 1;
    }
    osmd.render();
    // OSMD's cursors are <img> elements without alt text; they are decoration, so say so.
    for (const cursor of osmd.cursors ?? []) cursor.cursorElement?.setAttribute('alt', '');
    const score = new Score(osmd, container, options);
    container.dataset.measures = String(score.measureCount);
    container.dataset.barsPerSystem = JSON.stringify(score.barsPerSystem());
    container.dataset.chordSymbols = String(score.chordSymbols().length);
    container.dataset.staves = String(score.staffCount);
    container.dataset.beamGroups = JSON.stringify(score.beamGroups());
    score.barBoxes();
    return score;
  }

  /** Measures as engraved (one entry per measure, whatever the number of staves). */
  get measureCount(): number {
    return this.osmd.GraphicSheet.MeasureList.length;
  }

  /**
   * Each bar's box as drawn now (it moves when OSMD reflows the sheet for another width): the bar's width, and the
   * height of its line from the chord symbols down through every staff, so a click anywhere on the bar hits it.
   * Recorded on the element (rounded) for tests, as of the last call.
   */
  barBoxes(): BarBox[] {
    const svg = this.container.querySelector('svg');
    if (!svg) return [];
    const frame = this.container.getBoundingClientRect();
    const page = svg.getBoundingClientRect();
    // OSMD lays out in units of 10 px at zoom 1; CSS may scale the drawn SVG further.
    const drawnWidth = svg.width.baseVal.value || page.width;
    const scale = 10 * this.osmd.zoom * (page.width / drawnWidth);
    const left = page.left - frame.left - this.container.clientLeft;
    const top = page.top - frame.top - this.container.clientTop;
    const boxes = this.osmd.GraphicSheet.MeasureList.map((staves) => {
      const measure = staves.find((m) => m !== undefined);
      if (!measure) return { x: 0, y: 0, width: 0, height: 0 };
      const bar = measure.PositionAndShape;
      const line = measure.ParentMusicSystem.PositionAndShape;
      const x = bar.AbsolutePosition.x + bar.BorderLeft;
      const y = line.AbsolutePosition.y + line.BorderMarginTop;
      return {
        x: left + x * scale,
        y: top + y * scale,
        width: (bar.BorderRight - bar.BorderLeft) * scale,
        height: (line.BorderMarginBottom - line.BorderMarginTop) * scale,
      };
    });
    this.container.dataset.barBoxes = JSON.stringify(boxes.map((b) => [b.x, b.y, b.width, b.height].map(Math.round)));
    return boxes;
  }

  /** Staves per system: two for the piano layout (melody, chords), one for a lead sheet. */
  get staffCount(): number {
    return this.osmd.GraphicSheet.MeasureList[0]?.length ?? 0;
  }

  /** How many bars each line (system) holds, top to bottom. */
  barsPerSystem(): number[] {
    return this.osmd.GraphicSheet.MusicPages.flatMap((page) => page.MusicSystems.map((system) => system.GraphicalMeasures.length));
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

  /** Every cursor position: its onset in whole notes from the start (what MusicXML timestamps count in) and bar. */
  cursorSteps(): CursorStep[] {
    const cursor = this.osmd.cursor;
    const steps: CursorStep[] = [];
    cursor.reset();
    while (!cursor.iterator.EndReached) {
      steps.push({ onset: cursor.iterator.currentTimeStamp.RealValue, bar: cursor.iterator.CurrentMeasureIndex });
      cursor.next();
    }
    cursor.reset();
    return steps;
  }

  showCursor(): void {
    const cursor = this.osmd.cursor;
    cursor.reset();
    cursor.show();
    cursor.cursorElement?.setAttribute('alt', '');
    this.container.dataset.cursorStep = '0';
    this.follow();
  }

  /** Moves the cursor to a position (the player calls this on the beat, and again at a loop's start) and keeps it in view. */
  moveTo(index: number): void {
    const cursor = this.osmd.cursor;
    let at = Number(this.container.dataset.cursorStep ?? 0);
    if (index < at) {
      cursor.reset();
      at = 0;
    }
    for (; at < index && !cursor.iterator.EndReached; at++) cursor.next();
    this.container.dataset.cursorStep = String(at);
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
    // Scroll only when the cursor leaves the window (or goes under the sticky transport), and jump instead of gliding
    // for people who asked for less motion.
    if (box.top < (this.options.coveredTop?.() ?? 0) || box.bottom > window.innerHeight) {
      element.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    }
  }
}
