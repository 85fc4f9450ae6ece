// The primer upload in the form: a MusicXML file whose bars open the next sheet. Choosing one reads it, says what it
// holds and sets the key and meter to its own (a sheet continues its primer's meter; another key of the same mode
// would move the primer there); Remove takes it out again. The server's refusals show under it like any field's.
import { primerSummary, readPrimer } from './primer';

export interface PrimerElements {
  input: HTMLInputElement;
  clear: HTMLButtonElement;
  help: HTMLElement;
  key: HTMLSelectElement;
  meter: HTMLSelectElement;
}

export class PrimerField {
  private readonly idleHelp: string;

  /** `onChange` gets the primer's text, or '' when there is none. */
  constructor(private readonly ui: PrimerElements, private readonly onChange: (primer: string) => void) {
    this.idleHelp = ui.help.textContent ?? '';
    ui.input.addEventListener('change', () => void this.read());
    ui.clear.addEventListener('click', () => {
      this.reset(this.idleHelp);
      ui.input.focus();
    });
  }

  private async read(): Promise<void> {
    const file = this.ui.input.files?.[0];
    if (!file) {
      this.reset(this.idleHelp);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.reset(`${file.name} could not be read; choose it again.`, true);
      return;
    }
    const reading = readPrimer(text);
    if (!reading.facts) {
      this.reset(`${file.name} was not taken: ${reading.problem}`, true);
      return;
    }
    choose(this.ui.key, reading.facts.key);
    choose(this.ui.meter, reading.facts.timeSignature);
    this.ui.clear.hidden = false;
    this.say(primerSummary(file.name, reading.facts), false);
    this.onChange(text);
  }

  private reset(help: string, problem = false): void {
    this.ui.input.value = '';
    this.ui.clear.hidden = true;
    this.say(help, problem);
    this.onChange('');
  }

  private say(text: string, problem: boolean): void {
    this.ui.help.textContent = text;
    this.ui.help.classList.toggle('error', problem);
    this.ui.help.classList.toggle('help', !problem);
  }
}

/** Selects the value when the select offers it (a meter the model does not write is left for the server to name). */
function choose(select: HTMLSelectElement, value: string | undefined): void {
  if (value && [...select.options].some((o) => o.value === value)) select.value = value;
}
