// One finished variation: its facts, the engraved sheet, play/stop with a following cursor, and downloads. The files
// are fetched once when the result arrives, so playback and downloads work even after the signed links expire.
import type { ApiClient } from './api';
import { ApiError } from './api';
import type { FileLink, VariationDocument } from './contract';
import { saveBytes } from './download';
import { play, stopPlayback } from './player';
import { Score } from './scoreView';

export interface VariationContext {
  api: ApiClient;
}

const signed = (value: number): string => (value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const hidden = (text: string): HTMLSpanElement => element('span', { className: 'visually-hidden', textContent: text });

export function renderVariation(variation: VariationDocument, context: VariationContext): HTMLElement {
  const n = variation.variation;
  const headingId = `variation-${n}-heading`;
  const article = element('article', { className: 'variation', id: `variation-${n}` });
  article.setAttribute('aria-labelledby', headingId);

  const facts = element('ul', { className: 'facts' },
    element('li', {}, `Variation seed ${variation.seed}`),
    element('li', {}, `Average valence ${signed(variation.analysis.averageValence)}`),
    element('li', {}, `In key ${Math.round(variation.analysis.inKeyRatio * 100)}%`),
  );
  const scoreBox = element('div', { className: 'score' }, element('p', { className: 'score-status', textContent: 'Engraving the sheet…' }));
  scoreBox.setAttribute('aria-label', `Sheet music of variation ${n}`);
  scoreBox.setAttribute('role', 'figure');

  const playButton = element('button', { type: 'button', className: 'primary', disabled: true }, 'Play', hidden(` variation ${n}`));
  const midiButton = element('button', { type: 'button' }, 'Download MIDI', hidden(` of variation ${n}`));
  const xmlButton = element('button', { type: 'button' }, 'Download MusicXML', hidden(` of variation ${n}`));
  const actions = element('div', { className: 'actions' }, playButton, midiButton, xmlButton);
  article.append(element('h3', { id: headingId, textContent: `Variation ${n}` }), facts, scoreBox, actions);

  const files = { midi: fetchFile(context.api, variation.files.midi), musicXml: fetchFile(context.api, variation.files.musicXml) };
  const scoreReady = files.musicXml
    .then((bytes) => Score.render(scoreBox, new TextDecoder().decode(bytes)))
    .then((score) => {
      scoreBox.dataset.state = 'ready';
      return score;
    });
  scoreReady.catch((error: unknown) => {
    scoreBox.dataset.state = 'error';
    scoreBox.replaceChildren(element('p', { className: 'error', textContent: `The sheet could not be shown. ${sentence(error)}` }));
  });

  let playing = false;
  const setPlaying = (on: boolean) => {
    playing = on;
    playButton.firstChild!.textContent = on ? 'Stop' : 'Play';
    article.dataset.playing = String(on);
  };
  Promise.all([scoreReady, files.midi]).then(() => (playButton.disabled = false), () => undefined);

  playButton.addEventListener('click', async () => {
    if (playing) {
      stopPlayback();
      return;
    }
    try {
      const [score, midi] = await Promise.all([scoreReady, files.midi]);
      const onsets = score.cursorOnsets();
      setPlaying(true);
      score.showCursor();
      await play(midi, onsets, {
        onStep: () => score.step(),
        onEnd: () => {
          score.hideCursor();
          setPlaying(false);
        },
      });
    } catch (error) {
      setPlaying(false);
      scoreBox.after(element('p', { className: 'error', textContent: `Playback could not start. ${sentence(error)}` }));
    }
  });

  const download = (promise: Promise<ArrayBuffer>, link: FileLink) => async () => {
    try {
      saveBytes(await promise, link.fileName, link.contentType);
    } catch (error) {
      actions.after(element('p', { className: 'error', textContent: `${link.fileName} could not be downloaded. ${sentence(error)}` }));
    }
  };
  midiButton.addEventListener('click', download(files.midi, variation.files.midi));
  xmlButton.addEventListener('click', download(files.musicXml, variation.files.musicXml));
  return article;
}

function fetchFile(api: ApiClient, link: FileLink): Promise<ArrayBuffer> {
  const promise = api.file(link.url);
  promise.catch(() => undefined); // Reported where it is used; never an unhandled rejection.
  return promise;
}

/** A sentence for the page: the API's own, or a plain one (never an exception's internals). */
function sentence(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Try again, or reload the page.';
}
