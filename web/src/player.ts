// Plays a variation's MIDI with Tone.js and calls back on every score position, so the engraved cursor moves with the
// sound. Tone.js and @tonejs/midi are imported on first use only and land in their own chunk.
// Tone's Transport is one per page, so one variation plays at a time: starting another stops the first.

type ToneModule = typeof import('tone');
type MidiModule = typeof import('@tonejs/midi');

let modules: Promise<[ToneModule, MidiModule]> | undefined;

export const loadPlayer = (): Promise<[ToneModule, MidiModule]> =>
  (modules ??= Promise.all([import('tone'), import('@tonejs/midi')]));

export interface Performance {
  /** Called at each score position's onset, with its index (0 is the first). */
  onStep: (index: number) => void;
  /** Called once when playback ends by itself or is stopped. */
  onEnd: () => void;
}

/** Turns score onsets in whole notes into seconds along the MIDI file's own tempo map. */
export function onsetSeconds(onsets: readonly number[], ppq: number, ticksToSeconds: (ticks: number) => number): number[] {
  // A whole note is four quarters; MIDI counts ppq ticks per quarter.
  return onsets.map((wholeNotes) => ticksToSeconds(Math.round(wholeNotes * 4 * ppq)));
}

let active: { stop: () => void } | undefined;

/** Stops whatever is playing. */
export function stopPlayback(): void {
  active?.stop();
}

/**
 * Plays the MIDI bytes from the start. Call from a click handler: browsers let audio start only after a gesture.
 * Resolves once playback is running.
 */
export async function play(midiBytes: ArrayBuffer, onsets: readonly number[], performance: Performance): Promise<void> {
  stopPlayback();
  const [Tone, { Midi }] = await loadPlayer();
  await Tone.start();
  const midi = new Midi(midiBytes);
  const transport = Tone.getTransport();
  const draw = Tone.getDraw();
  transport.stop();
  transport.cancel(0);
  transport.position = 0;

  const synth = new Tone.PolySynth(Tone.Synth, {
    oscillator: { type: 'triangle' },
    envelope: { attack: 0.01, decay: 0.2, sustain: 0.35, release: 0.4 },
  }).toDestination();
  synth.volume.value = -10;

  for (const track of midi.tracks) {
    for (const note of track.notes) {
      transport.schedule((time) => synth.triggerAttackRelease(note.name, note.duration, time, note.velocity), note.time);
    }
  }
  // Draw runs the callback on the animation frame nearest the audio time, so the cursor moves when the note sounds.
  onsetSeconds(onsets, midi.header.ppq, (ticks) => midi.header.ticksToSeconds(ticks)).forEach((seconds, index) => {
    if (index > 0) transport.schedule((time) => draw.schedule(() => performance.onStep(index), time), seconds);
  });

  let ended = false;
  const stop = () => {
    if (ended) return;
    ended = true;
    transport.stop();
    transport.cancel(0);
    synth.releaseAll();
    // Let the release tail ring out before freeing the voices.
    setTimeout(() => synth.dispose(), 1000);
    if (active === handle) active = undefined;
    performance.onEnd();
  };
  const handle = { stop };
  transport.schedule((time) => draw.schedule(stop, time), midi.duration + 0.25);
  active = handle;
  transport.start('+0.05');
}
