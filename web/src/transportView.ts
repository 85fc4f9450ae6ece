// The transport bar above the sheets: which variation, Play/Stop, where playback is, and the downloads. It stays at
// the top of the window while the sheet scrolls under it (position: sticky), so Play is never 3,000 px away.
import type { FileLink } from './contract';
import { saveBytes } from './download';
import { play, sheetTiming, stopPlayback, type PlaybackSettings, type Session, type TrackMix } from './player';
import type { CursorStep } from './scoreView';
import { writtenBpm, type SheetTiming } from './timing';
import { element, sentence, type ShownVariation } from './variationView';

export interface TransportElements {
  bar: HTMLElement;
  variation: HTMLSelectElement;
  variationField: HTMLElement;
  play: HTMLButtonElement;
  position: HTMLElement;
  midi: HTMLButtonElement;
  musicXml: HTMLButtonElement;
  message: HTMLElement;
  tempo: HTMLInputElement;
  writtenTempo: HTMLElement;
  loopMode: HTMLSelectElement;
  loopBars: HTMLElement;
  loopFrom: HTMLInputElement;
  loopTo: HTMLInputElement;
  countIn: HTMLInputElement;
  melodyVolume: HTMLInputElement;
  melodyMute: HTMLInputElement;
  chordsVolume: HTMLInputElement;
  chordsMute: HTMLInputElement;
}

/** What the transport's controls ask for, for a sheet of this timing; unreadable fields fall back to as written. */
export function settingsFrom(
  controls: { tempo: string; loopMode: string; loopFrom: string; loopTo: string; countIn: boolean; melody: TrackMix; chords: TrackMix },
  timing: SheetTiming,
): PlaybackSettings {
  const bpm = Number(controls.tempo);
  const rate = Number.isFinite(bpm) && bpm >= 20 && bpm <= 400 ? bpm / writtenBpm(timing) : 1;
  const loop = controls.loopMode === 'sheet'
    ? { fromBar: 1, toBar: timing.bars }
    : controls.loopMode === 'bars'
      ? { fromBar: Number(controls.loopFrom), toBar: Number(controls.loopTo) }
      : undefined;
  return { rate, loop, countIn: controls.countIn, melody: controls.melody, chords: controls.chords };
}

/** "Bar 3 of 16" for a cursor position, or the length when nothing plays. */
export function positionText(bar: number | undefined, bars: number): string {
  return bar === undefined ? `${bars} bars` : `Bar ${bar + 1} of ${bars}`;
}

export class Transport {
  private shown: ShownVariation[] = [];
  private playing = false;
  private session: Session | undefined;
  private timing: SheetTiming | undefined;
  private watch: number | undefined;

  constructor(private readonly ui: TransportElements) {
    ui.play.addEventListener('click', () => void this.toggle());
    for (const control of [ui.tempo, ui.loopMode, ui.loopFrom, ui.loopTo, ui.countIn, ui.melodyVolume, ui.melodyMute, ui.chordsVolume, ui.chordsMute]) {
      control.addEventListener('input', () => this.apply());
      control.addEventListener('change', () => this.apply());
    }
    ui.variation.addEventListener('change', () => {
      stopPlayback();
      void this.showIdle();
    });
    ui.midi.addEventListener('click', () => void this.download('midi'));
    ui.musicXml.addEventListener('click', () => void this.download('musicXml'));
  }

  /** The height the bar covers at the top of the window (0 when it is not stuck there). */
  coveredTop(): number {
    if (this.ui.bar.hidden) return 0;
    const box = this.ui.bar.getBoundingClientRect();
    return box.top <= 1 ? box.bottom : 0;
  }

  show(variations: ShownVariation[]): void {
    stopPlayback();
    this.shown = variations;
    this.ui.bar.hidden = variations.length === 0;
    this.ui.variationField.hidden = variations.length < 2;
    this.ui.variation.replaceChildren(...variations.map((v) => new Option(`Variation ${v.variation.variation}`, String(v.variation.variation))));
    this.ui.play.disabled = true;
    this.ui.message.hidden = true;
    void this.showIdle();
  }

  /** Puts another take of a shown variation in its place; playing it stops, so the next Play plays the new take. */
  replace(take: ShownVariation): void {
    const index = this.shown.findIndex((v) => v.variation.variation === take.variation.variation);
    if (index < 0) return;
    const wasCurrent = this.current === this.shown[index];
    this.shown = this.shown.map((v, i) => (i === index ? take : v));
    if (!wasCurrent) return;
    stopPlayback();
    this.ui.play.disabled = true;
    void this.showIdle();
  }

  private get current(): ShownVariation | undefined {
    return this.shown.find((v) => String(v.variation.variation) === this.ui.variation.value) ?? this.shown[0];
  }

  private async showIdle(): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.setPlaying(false);
    this.ui.position.textContent = positionText(undefined, current.variation.analysis.valence.length);
    delete this.ui.position.dataset.bar;
    try {
      const [, midi] = await Promise.all([current.score, current.midi]);
      const timing = await sheetTiming(midi);
      if (this.current !== current) return;
      if (this.timing?.quarterBpm !== timing.quarterBpm || this.timing.meter.join() !== timing.meter.join() || !this.ui.tempo.value) {
        this.ui.tempo.value = String(writtenBpm(timing));
      }
      this.timing = timing;
      this.ui.writtenTempo.textContent = `${writtenBpm(timing)} bpm`;
      this.ui.loopFrom.max = this.ui.loopTo.max = String(timing.bars);
      if (Number(this.ui.loopTo.value) > timing.bars) this.ui.loopTo.value = String(timing.bars);
      this.ui.play.disabled = false;
    } catch {
      // The sheet says why it is missing; there is nothing to play.
    }
  }

  private settings(timing: SheetTiming): PlaybackSettings {
    const ui = this.ui;
    const mix = (volume: HTMLInputElement, mute: HTMLInputElement): TrackMix => ({ volumeDb: Number(volume.value) || 0, muted: mute.checked });
    return settingsFrom({
      tempo: ui.tempo.value, loopMode: ui.loopMode.value, loopFrom: ui.loopFrom.value, loopTo: ui.loopTo.value, countIn: ui.countIn.checked,
      melody: mix(ui.melodyVolume, ui.melodyMute), chords: mix(ui.chordsVolume, ui.chordsMute),
    }, timing);
  }

  /** A changed control takes effect at once, while playing too. */
  private apply(): void {
    const ui = this.ui;
    ui.loopBars.hidden = ui.loopMode.value !== 'bars';
    for (const volume of [ui.melodyVolume, ui.chordsVolume]) volume.setAttribute('aria-valuetext', `${volume.value} dB`);
    if (this.session) {
      this.session.update(this.settings(this.session.timing));
      this.report();
    }
  }

  /** Tone's own state on the bar (data-tone), read back from its objects: what the browser tests check. */
  private report(): void {
    if (this.session) this.ui.bar.dataset.tone = JSON.stringify(this.session.state());
  }

  private setPlaying(on: boolean): void {
    this.playing = on;
    this.ui.play.textContent = on ? 'Stop' : 'Play';
    this.ui.bar.dataset.playing = String(on);
  }

  private async toggle(): Promise<void> {
    if (this.playing) {
      stopPlayback();
      return;
    }
    const current = this.current;
    if (!current) return;
    this.ui.message.hidden = true;
    try {
      const [score, midi] = await Promise.all([current.score, current.midi]);
      const steps: CursorStep[] = score.cursorSteps();
      const bars = score.measureCount;
      this.setPlaying(true);
      score.showCursor();
      const at = (index: number) => {
        score.moveTo(index);
        const bar = steps[index]?.bar ?? 0;
        this.ui.position.textContent = positionText(bar, bars);
        this.ui.position.dataset.bar = String(bar + 1);
      };
      const timing = this.timing ?? (await sheetTiming(midi));
      this.session = await play(midi, steps.map((s) => s.onset), {
        onStep: (index) => {
          at(index);
          this.report();
        },
        onCountIn: (beat) => {
          this.ui.position.textContent = `Count-in ${beat}`;
          this.ui.position.dataset.countIn = String(beat);
        },
        onEnd: () => {
          this.session = undefined;
          window.clearInterval(this.watch);
          score.hideCursor();
          void this.showIdle();
        },
      }, this.settings(timing));
      // Levels and ticks move between notes too.
      window.clearInterval(this.watch);
      this.watch = window.setInterval(() => this.report(), 200);
      this.report();
    } catch (error) {
      this.setPlaying(false);
      this.say(`Playback could not start. ${sentence(error)}`);
    }
  }

  private async download(kind: 'midi' | 'musicXml'): Promise<void> {
    const current = this.current;
    if (!current) return;
    const link: FileLink = current.variation.files[kind];
    try {
      saveBytes(await current[kind], link.fileName, link.contentType);
    } catch (error) {
      this.say(`${link.fileName} could not be downloaded. ${sentence(error)}`);
    }
  }

  private say(text: string): void {
    this.ui.message.replaceChildren(element('span', {}, text));
    this.ui.message.hidden = false;
  }
}
