// What a field accepts, said in the page's words: the browser's own messages ("Please match the requested format.")
// name neither the field nor what would be right. The constraints are read from the input's attributes, so the
// message and the check can never disagree.

export interface Constraints {
  type: string;
  min?: string;
  max?: string;
  step?: string;
  /** For pattern-checked text: what the pattern allows, from the input's data-accepts. */
  accepts?: string;
  required: boolean;
}

const formatNumber = (text: string): string => text.replace('-', '−');

/** One sentence saying what the field takes, e.g. "Enter a whole number from 8 to 40." */
export function acceptsMessage(c: Constraints): string {
  if (c.type === 'number') {
    const whole = !c.step || c.step === 'any' ? false : Number.isInteger(Number(c.step));
    const kind = whole ? 'a whole number' : 'a number';
    const range = c.min !== undefined && c.max !== undefined ? ` from ${formatNumber(c.min)} to ${formatNumber(c.max)}` : c.min !== undefined ? ` of at least ${formatNumber(c.min)}` : c.max !== undefined ? ` of at most ${formatNumber(c.max)}` : '';
    const steps = !whole && c.step && c.step !== 'any' ? `, in steps of ${c.step}` : '';
    const blank = c.required ? '' : ', or leave it blank';
    return `Enter ${kind}${range}${steps}${blank}.`;
  }
  if (c.accepts) return `Enter ${c.accepts}.`;
  return c.required ? 'Fill in this field.' : 'Check this field.';
}

/** The constraints of an input element (attributes only, so this is testable without a DOM). */
export function constraintsOf(input: Pick<HTMLInputElement, 'type' | 'required' | 'getAttribute'>): Constraints {
  const attribute = (name: string) => input.getAttribute(name) ?? undefined;
  return { type: input.type, min: attribute('min'), max: attribute('max'), step: attribute('step'), accepts: attribute('data-accepts'), required: input.required };
}
