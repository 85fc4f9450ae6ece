// The instruments the MIDI names (General MIDI 73 flute, 4 electric piano), voiced with Tone's own synthesis: the
// client ships them as code, so no samples are fetched from anywhere at run time.
import type { ToneAudioNode } from 'tone';

type ToneModule = typeof import('tone');

export interface Voice {
  /** Where the voice comes out; the player routes it through a channel. */
  output: ToneAudioNode;
  play(note: string, seconds: number, time: number, velocity: number): void;
  release(): void;
  dispose(): void;
}

/**
 * A flute: a sine carrier with a little of its octave brought in by FM, a breathy soft attack, vibrato at the
 * 5 Hz a player uses, and a low-pass keeping it pure.
 */
function flute(Tone: ToneModule): Voice {
  const synth = new Tone.PolySynth(Tone.FMSynth, {
    harmonicity: 2,
    modulationIndex: 0.9,
    oscillator: { type: 'sine' },
    modulation: { type: 'sine' },
    envelope: { attack: 0.06, decay: 0.15, sustain: 0.85, release: 0.18 },
    modulationEnvelope: { attack: 0.08, decay: 0.3, sustain: 0.5, release: 0.2 },
  });
  synth.maxPolyphony = 8;
  const vibrato = new Tone.Vibrato({ frequency: 5, depth: 0.06 });
  const tone = new Tone.Filter({ type: 'lowpass', frequency: 4200, rolloff: -12 });
  synth.chain(vibrato, tone);
  synth.volume.value = -8;
  return voiceOf(synth, tone, [vibrato]);
}

/**
 * An electric piano in the manner of the classic FM "E. Piano": a 1:1 pair whose bright tine strike dies away in a
 * fraction of a second, leaving a soft, slowly decaying bell-like tone, with a gentle tremolo.
 */
function electricPiano(Tone: ToneModule): Voice {
  const synth = new Tone.PolySynth(Tone.FMSynth, {
    harmonicity: 1,
    modulationIndex: 3.2,
    oscillator: { type: 'sine' },
    modulation: { type: 'sine' },
    envelope: { attack: 0.002, decay: 2.4, sustain: 0.12, release: 0.9 },
    modulationEnvelope: { attack: 0.002, decay: 0.45, sustain: 0.05, release: 0.6 },
  });
  synth.maxPolyphony = 16;
  const tremolo = new Tone.Tremolo({ frequency: 4.5, depth: 0.2, spread: 0 }).start();
  synth.connect(tremolo);
  synth.volume.value = -16;
  return voiceOf(synth, tremolo, []);
}

/** A woodblock-like click for the count-in. */
function click(Tone: ToneModule): Voice {
  const synth = new Tone.Synth({ oscillator: { type: 'triangle' }, envelope: { attack: 0.001, decay: 0.04, sustain: 0, release: 0.02 } });
  synth.volume.value = -6;
  return {
    output: synth,
    play: (note, seconds, time, velocity) => synth.triggerAttackRelease(note, seconds, time, velocity),
    release: () => synth.triggerRelease(),
    dispose: () => synth.dispose(),
  };
}

function voiceOf(synth: InstanceType<ToneModule['PolySynth']>, output: ToneAudioNode, effects: ToneAudioNode[]): Voice {
  return {
    output,
    play: (note, seconds, time, velocity) => synth.triggerAttackRelease(note, seconds, time, velocity),
    release: () => synth.releaseAll(),
    dispose: () => {
      synth.dispose();
      for (const effect of effects) effect.dispose();
      output.dispose();
    },
  };
}

export function instrumentVoices(Tone: ToneModule): { melody: Voice; chords: Voice; click: Voice } {
  return { melody: flute(Tone), chords: electricPiano(Tone), click: click(Tone) };
}
