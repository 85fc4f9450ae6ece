// The list of recent generations under the results: each with what it wrote, when, and a button that puts its
// settings and seed back into the form.
import { describeEntry, type HistoryEntry } from './history';
import { element } from './variationView';

export interface HistoryElements {
  list: HTMLOListElement;
  empty: HTMLElement;
  clear: HTMLButtonElement;
}

export class HistoryView {
  constructor(
    private readonly ui: HistoryElements,
    private readonly onOpen: (entry: HistoryEntry) => void,
  ) {}

  show(history: readonly HistoryEntry[]): void {
    this.ui.empty.hidden = history.length > 0;
    this.ui.clear.hidden = history.length === 0;
    this.ui.list.hidden = history.length === 0;
    this.ui.list.replaceChildren(...history.map((entry, i) => this.item(entry, i)));
  }

  private item(entry: HistoryEntry, index: number): HTMLLIElement {
    const id = `history-entry-${index + 1}`;
    const when = new Date(entry.time);
    const time = element('time', { dateTime: entry.time, textContent: when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) });
    const open = element('button', { type: 'button', className: 'history-open', textContent: 'Open' });
    open.setAttribute('aria-describedby', id);
    open.addEventListener('click', () => this.onOpen(entry));
    return element('li', { className: 'history-entry' },
      element('p', { id, className: 'history-summary' }, describeEntry(entry), element('br'), time),
      open,
    );
  }
}
