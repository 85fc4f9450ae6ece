// The transport bar above the sheets: which variation, Play/Stop, where playback is, and the downloads. It stays at
// the top of the window while the sheet scrolls under it (position: sticky), so Play is never 3,000 px away.
import type { FileLink } from './contract';
import { saveBytes } from './download';
import { play, stopPlayback } from './player';
import type { CursorStep } from './scoreView';
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
}

/** "Bar 3 of 16" for a cursor position, or the length when nothing plays. */
export function positionText(bar: number | undefined, bars: number): string {
  return bar === undefined ? `${bars} bars` : `Bar ${bar + 1} of ${bars}`;
}

export class Transport {
  private shown: ShownVariation[] = [];
  private playing = false;

  constructor(private readonly ui: TransportElements) {
    ui.play.addEventListener('click', () => void this.toggle());
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
      await Promise.all([current.score, current.midi]);
      if (this.current === current) this.ui.play.disabled = false;
    } catch {
      // The sheet says why it is missing; there is nothing to play.
    }
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
      at(0);
      await play(midi, steps.map((s) => s.onset), {
        onStep: at,
        onEnd: () => {
          score.hideCursor();
          void this.showIdle();
        },
      });
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
