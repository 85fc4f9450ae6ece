// Plays a variation's MIDI with Tone.js as two tracks (melody, chords), each through its own channel, and calls back
// on every score position so the engraved cursor moves with the sound. Events are scheduled in MIDI ticks on Tone's
// Transport, so the playback tempo (the Transport's bpm) changes the rate live without touching the written tempo,
// and a loop is the Transport's own. Tone.js and @tonejs/midi are imported on first use and land in their own chunk.
// Tone's Transport is one per page, so one variation plays at a time: starting another stops the first.
import { instrumentVoices, type Voice } from './instruments';
import { barTicks, beatsPerBar, loopTicks, quarterBpm, type BarRange, type SheetTiming } from './timing';

type ToneModule = typeof import('tone');
type MidiModule = typeof import('@tonejs/midi');

let modules: Promise<[ToneModule, MidiModule]> | undefined;

export const loadPlayer = (): Promise<[ToneModule, MidiModule]> =>
  (modules ??= Promise.all([import('tone'), import('@tonejs/midi')]));

export interface TrackMix {
  /** Decibels relative to the instrument's own level; 0 is as voiced. */
  volumeDb: number;
  muted: boolean;
}

export interface PlaybackSettings {
  /** The playback tempo as a multiple of the written one (1 plays as written). */
  rate: number;
  /** Bars to repeat (1-based, inclusive); undefined plays the sheet once. */
  loop: BarRange | undefined;
  /** One bar of clicks in the playback tempo before the music starts. */
  countIn: boolean;
  melody: TrackMix;
  chords: TrackMix;
}

export interface Performance {
  /** Called at each score position's onset, with its index (0 is the first), again on every pass of a loop. */
  onStep: (index: number) => void;
  /** Called on each count-in click, with the beat (1-based). */
  onCountIn?: (beat: number) => void;
  /** Called once when playback ends by itself or is stopped. */
  onEnd: () => void;
}

/** What Tone is doing, read back from its own objects (what the page shows and the browser tests check). */
export interface ToneState {
  /** Quarter notes per minute on the Transport. */
  bpm: number;
  ticks: number;
  /** The audio clock, seconds. */
  now: number;
  loop: BarRange | undefined;
  melody: { muted: boolean; volumeDb: number; levelDb: number };
  chords: { muted: boolean; volumeDb: number; levelDb: number };
}

export interface Session {
  readonly timing: SheetTiming;
  update(settings: PlaybackSettings): void;
  state(): ToneState;
  stop(): void;
}

/** Reads the tempo, meter and length a MIDI file was written with. */
export async function sheetTiming(midiBytes: ArrayBuffer): Promise<SheetTiming> {
  const [, { Midi }] = await loadPlayer();
  return timingOf(new Midi(midiBytes));
}

function timingOf(midi: InstanceType<MidiModule['Midi']>): SheetTiming {
  const meter = (midi.header.timeSignatures[0]?.timeSignature ?? [4, 4]) as [number, number];
  const ppq = midi.header.ppq;
  const bar = barTicks(ppq, meter);
  return { ppq, quarterBpm: midi.header.tempos[0]?.bpm ?? 120, meter, bars: Math.max(1, Math.ceil(midi.durationTicks / bar - 1e-9)) };
}

/** A meter's reading for silence (it says -Infinity, which JSON cannot carry). */
export const silenceDb = -100;

let active: Session | undefined;

/** Stops whatever is playing. */
export function stopPlayback(): void {
  active?.stop();
}

/**
 * Plays the MIDI bytes from the start (or the loop's first bar). Call from a click handler: browsers let audio start
 * only after a gesture. Resolves once playback is running (or counting in).
 */
export async function play(midiBytes: ArrayBuffer, onsets: readonly number[], performance: Performance, settings: PlaybackSettings): Promise<Session> {
  stopPlayback();
  const [Tone, { Midi }] = await loadPlayer();
  await Tone.start();
  const midi = new Midi(midiBytes);
  const timing = timingOf(midi);
  const transport = Tone.getTransport();
  const draw = Tone.getDraw();
  transport.stop();
  transport.cancel(0);
  transport.PPQ = timing.ppq;
  transport.timeSignature = timing.meter;

  const voices = instrumentVoices(Tone);
  const track = (voice: Voice) => {
    const meter = new Tone.Meter({ smoothing: 0.6 });
    const channel = new Tone.Channel().toDestination();
    channel.connect(meter);
    voice.output.connect(channel);
    return { voice, channel, meter };
  };
  const melody = track(voices.melody);
  const chords = track(voices.chords);
  const click = voices.click;
  click.output.toDestination();

  // Track 0 is the melody (the MIDI names it so and gives it a flute); every other track is chords.
  midi.tracks.forEach((part, index) => {
    const voice = index === 0 || /melody/i.test(part.name) ? melody.voice : chords.voice;
    for (const note of part.notes) {
      transport.schedule((time) => voice.play(note.name, Tone.Ticks(note.durationTicks).toSeconds(), time, note.velocity), `${note.ticks}i`);
    }
  });
  // Draw runs the callback on the animation frame nearest the audio time, so the cursor moves when the note sounds.
  const onsetTicks = onsets.map((wholeNotes) => Math.round(wholeNotes * 4 * timing.ppq));
  onsetTicks.forEach((ticks, index) => transport.schedule((time) => draw.schedule(() => performance.onStep(index), time), `${ticks}i`));

  let ended = false;
  const voicesToFree = [melody, chords];
  const stop = () => {
    if (ended) return;
    ended = true;
    transport.stop();
    transport.cancel(0);
    transport.loop = false;
    for (const t of voicesToFree) t.voice.release();
    // Let the release tails ring out before freeing the voices.
    setTimeout(() => {
      for (const t of voicesToFree) {
        t.voice.dispose();
        t.channel.dispose();
        t.meter.dispose();
      }
      click.dispose();
    }, 1500);
    if (active === session) active = undefined;
    performance.onEnd();
  };
  // Half a beat after the last note; never reached while a loop (which ends at a bar line at most) repeats.
  transport.schedule((time) => draw.schedule(stop, time), `${midi.durationTicks + timing.ppq / 2}i`);

  const bar = barTicks(timing.ppq, timing.meter);
  const session: Session = {
    timing,
    update(next) {
      transport.bpm.value = quarterBpm(timing, next.rate);
      const region = next.loop && loopTicks(timing, next.loop);
      if (region) transport.setLoopPoints(`${region.start}i`, `${region.end}i`);
      transport.loop = region !== undefined;
      for (const [t, mix] of [[melody, next.melody], [chords, next.chords]] as const) {
        t.channel.volume.value = mix.volumeDb;
        t.channel.mute = mix.muted;
      }
    },
    state() {
      const mixOf = (t: typeof melody) => ({ muted: t.channel.mute, volumeDb: t.channel.volume.value, levelDb: Math.max(silenceDb, Number(t.meter.getValue())) });
      const loop = transport.loop
        ? { fromBar: Math.round(transport.toTicks(transport.loopStart) / bar) + 1, toBar: Math.round(transport.toTicks(transport.loopEnd) / bar) }
        : undefined;
      return { bpm: transport.bpm.value, ticks: transport.ticks, now: Tone.now(), loop, melody: mixOf(melody), chords: mixOf(chords) };
    },
    stop,
  };
  session.update(settings);
  active = session;

  const startTicks = settings.loop ? (loopTicks(timing, settings.loop)?.start ?? 0) : 0;
  const first = Math.max(0, onsetTicks.findIndex((t) => t >= startTicks));
  performance.onStep(first);
  let startAt = Tone.now() + 0.05;
  if (settings.countIn) {
    // One bar of clicks in the written beat (two in 6/8, four in 4/4) at the playback tempo, the first accented.
    const beats = beatsPerBar(timing.meter);
    const beatSeconds = (bar / beats / timing.ppq) * (60 / transport.bpm.value);
    for (let beat = 0; beat < beats; beat++) {
      const time = startAt + beat * beatSeconds;
      click.play(beat === 0 ? 'G5' : 'C5', 0.05, time, beat === 0 ? 1 : 0.7);
      // A timer, not Draw: Draw drops a callback whose frame comes over 0.25 s late (a loaded page), and every click must show.
      window.setTimeout(() => performance.onCountIn?.(beat + 1), Math.max(0, (time - Tone.now()) * 1000));
    }
    startAt += beats * beatSeconds;
  }
  transport.start(startAt, `${startTicks}i`);
  return session;
}
