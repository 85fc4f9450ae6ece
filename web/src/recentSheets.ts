// The sheets written before, brought back: the page's address is the share link of the last sheets, the history
// lists the recent generations to reopen, and "Same seed, other key" writes the shown sheets again in another key.
// The page (main.ts) tells it what was sent and what came back; it puts settings into the form through the host.
import type { GenerationRequest, VariationDocument } from './contract';
import { browserStorage, describeSettings, historyEntry, historyKey, readHistory, withEntry, writeHistory, writtenIn, type HistoryEntry } from './history';
import { HistoryView } from './historyView';
import { nearKey } from './otherKey';
import { settingsFromQuery, shareUrl } from './shareLink';

export interface RecentSheetsElements {
  settingsLine: HTMLElement;
  copyLink: HTMLButtonElement;
  otherKey: HTMLSelectElement;
  otherKeyGenerate: HTMLButtonElement;
  shareStatus: HTMLElement;
  history: HTMLElement;
  historyList: HTMLOListElement;
  historyEmpty: HTMLElement;
  clearHistory: HTMLButtonElement;
  historyStatus: HTMLElement;
}

export interface RecentSheetsHost {
  /** Puts these settings into the form (fields left out at their defaults). */
  fill(settings: GenerationRequest): void;
  /** Generates from the form, as the Generate button does. */
  generate(): void;
  busy(): boolean;
  /** Moves the eye to the Generate button. */
  revealGenerate(): void;
}

export class RecentSheets {
  private readonly list: HistoryView;
  private recent: HistoryEntry[] = readHistory(browserStorage());
  /** The settings of the generation in flight, and of the one shown (with the seed it ran with). */
  private requested: GenerationRequest | undefined;
  private shown: GenerationRequest | undefined;

  constructor(
    private readonly ui: RecentSheetsElements,
    private readonly host: RecentSheetsHost,
  ) {
    this.list = new HistoryView({ list: ui.historyList, empty: ui.historyEmpty, clear: ui.clearHistory }, (entry) => this.open(entry));
    ui.copyLink.addEventListener('click', () => void this.copyLink());
    ui.otherKeyGenerate.addEventListener('click', () => this.otherKey());
    ui.clearHistory.addEventListener('click', () => this.clear());
    // Another tab of the page wrote the list (a null key: it cleared the storage).
    window.addEventListener('storage', (event) => {
      if (event.key !== historyKey && event.key !== null) return;
      this.recent = readHistory(browserStorage());
      this.list.show(this.recent);
    });
  }

  /** Shows the history, offers the key picker's keys, and returns the settings of the link the page was opened with. */
  start(keys: HTMLSelectElement, search: string): GenerationRequest | undefined {
    this.ui.otherKey.append(...[...keys.children].map((group) => group.cloneNode(true)));
    this.list.show(this.recent);
    const shared = settingsFromQuery(search);
    return Object.keys(shared).length > 0 ? shared : undefined;
  }

  /** A generation was asked for with these settings. */
  sent(settings: GenerationRequest): void {
    this.requested = settings;
  }

  /** It finished: the address becomes its share link, and it goes first in the history. */
  finished(seed: string | undefined, variations: readonly VariationDocument[]): void {
    if (!this.requested || !seed) return;
    // The link and the history keep the settings and seed; a primer is a file, which the user keeps.
    const { primer, ...settings } = this.requested;
    const shown = { ...settings, seed };
    this.shown = shown;
    window.history.replaceState(window.history.state, '', shareUrl(location.href, shown));
    this.recent = withEntry(this.recent, historyEntry(shown, seed, variations, new Date()));
    this.ui.historyStatus.textContent = writeHistory(browserStorage(), this.recent) ? '' : 'This browser does not keep the list; it lasts until the page is closed.';
    this.list.show(this.recent);
    this.ui.settingsLine.textContent = describeSettings(writtenIn(shown));
    this.ui.otherKey.value = nearKey(writtenIn(shown).key);
    this.ui.shareStatus.textContent = primer === undefined ? '' : 'These sheets continue a primer, which the link and the list leave out: upload the same file to write them again.';
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.ui.shareStatus.textContent = 'Link copied: it opens these settings and seed, and Generate writes the same sheets.';
    } catch {
      this.ui.shareStatus.textContent = 'The browser did not allow copying; the address bar holds the same link.';
    }
  }

  /** The shown sheets' settings and seed in the picked key, written at once. */
  private otherKey(): void {
    if (!this.shown || this.host.busy()) return;
    this.host.fill({ ...this.shown, key: this.ui.otherKey.value });
    this.host.generate();
  }

  private open(entry: HistoryEntry): void {
    this.host.fill(entry.settings);
    this.ui.historyStatus.textContent = `The settings and seed ${entry.seed} are in the form: Generate writes those sheets again.`;
    this.host.revealGenerate();
  }

  private clear(): void {
    this.recent = [];
    writeHistory(browserStorage(), this.recent);
    this.list.show(this.recent);
    this.ui.historyStatus.textContent = 'The list is cleared.';
    // The button pressed is gone; focus stays in the section.
    this.ui.history.focus();
  }
}
