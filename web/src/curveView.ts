// The drawn curve: an SVG with one column per bar that a pointer drags across, and one ARIA slider per bar that the
// keyboard drives (a single tab stop; arrows move between bars). The logic lives in curve.ts.
import { applyKey, drawLine, pointToBar, type CurveRange } from './curve';

const svgNs = 'http://www.w3.org/2000/svg';
/** Drawing units per bar and for the height; the SVG stretches to the box. */
const columnWidth = 10;
const height = 60;

export interface CurveViewOptions {
  /** Id of the element that names the curve (its visible label). */
  labelledBy: string;
  describedBy: string;
  range: CurveRange;
  /** Where the columns grow from: 0 for valence (up and down), the minimum for density. */
  baseline: number;
  /** How a level reads aloud and on screen, e.g. "+1" or "high". */
  valueText: (value: number) => string;
  /** Tick labels beside the drawing, top to bottom. */
  scale: string[];
  onChange: (values: number[]) => void;
}

export class CurveView {
  private values: number[] = [];
  private focusBar = 0;
  private readonly svg: SVGSVGElement;
  private readonly readout: HTMLParagraphElement;
  private drag: { bar: number; value: number } | undefined;
  private invalid = false;
  private errorId: string | undefined;

  constructor(host: HTMLElement, private readonly options: CurveViewOptions) {
    const scale = document.createElement('div');
    scale.className = 'curve-scale';
    scale.setAttribute('aria-hidden', 'true');
    for (const tick of options.scale) {
      const span = document.createElement('span');
      span.textContent = tick;
      scale.append(span);
    }
    this.svg = document.createElementNS(svgNs, 'svg');
    this.svg.classList.add('curve');
    this.svg.setAttribute('preserveAspectRatio', 'none');
    this.svg.setAttribute('role', 'group');
    this.svg.setAttribute('aria-labelledby', options.labelledBy);
    // Only the bars take focus (one of them at a time); Chrome would otherwise put the <svg> itself in the tab order.
    this.svg.setAttribute('tabindex', '-1');
    this.readout = document.createElement('p');
    this.readout.className = 'curve-readout';
    this.readout.setAttribute('aria-hidden', 'true');
    host.replaceChildren(scale, this.svg);
    host.after(this.readout);

    this.svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.svg.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.svg.addEventListener('pointerup', (e) => this.endDrag(e));
    this.svg.addEventListener('pointercancel', (e) => this.endDrag(e));
    this.svg.addEventListener('keydown', (e) => this.onKeyDown(e));
    this.svg.addEventListener('focusin', (e) => {
      const bar = Number((e.target as Element).getAttribute('data-bar'));
      if (Number.isInteger(bar)) this.focusBar = bar;
      this.showReadout();
    });
    this.svg.addEventListener('focusout', () => this.showReadout());
  }

  /** Shows these values; rebuilds the columns only when the number of bars changed. */
  set(values: number[]): void {
    const rebuild = values.length !== this.values.length;
    this.values = [...values];
    this.focusBar = Math.min(this.focusBar, Math.max(0, values.length - 1));
    if (rebuild) this.build();
    this.update();
  }

  /** Marks the curve invalid and points its sliders at the error text, or clears both. */
  setError(errorId: string | undefined): void {
    this.invalid = errorId !== undefined;
    this.errorId = errorId;
    this.update();
  }

  focus(): void {
    this.svg.querySelector<SVGGElement>(`g[data-bar="${this.focusBar}"]`)?.focus();
  }

  private build(): void {
    const bars = this.values.length;
    this.svg.setAttribute('viewBox', `0 0 ${Math.max(1, bars) * columnWidth} ${height}`);
    const axis = document.createElementNS(svgNs, 'line');
    axis.classList.add('axis');
    const y = this.y(this.options.baseline);
    axis.setAttribute('x1', '0');
    axis.setAttribute('x2', String(bars * columnWidth));
    axis.setAttribute('y1', String(y));
    axis.setAttribute('y2', String(y));
    axis.setAttribute('aria-hidden', 'true');
    const columns = this.values.map((_, bar) => {
      const g = document.createElementNS(svgNs, 'g');
      g.setAttribute('role', 'slider');
      g.setAttribute('data-bar', String(bar));
      g.setAttribute('aria-label', `Bar ${bar + 1}`);
      g.setAttribute('aria-valuemin', String(this.options.range.min));
      g.setAttribute('aria-valuemax', String(this.options.range.max));
      g.setAttribute('aria-orientation', 'vertical');
      const column = document.createElementNS(svgNs, 'rect');
      column.classList.add('column');
      column.setAttribute('x', String(bar * columnWidth));
      column.setAttribute('y', '0');
      column.setAttribute('width', String(columnWidth));
      column.setAttribute('height', String(height));
      const level = document.createElementNS(svgNs, 'rect');
      level.classList.add('level');
      level.setAttribute('x', String(bar * columnWidth + 1.5));
      level.setAttribute('width', String(columnWidth - 3));
      g.append(column, level);
      return g;
    });
    this.svg.replaceChildren(...columns, axis);
  }

  private update(): void {
    const describedBy = [this.options.describedBy, this.errorId].filter(Boolean).join(' ');
    const base = this.y(this.options.baseline);
    for (const g of this.svg.querySelectorAll<SVGGElement>('g[role="slider"]')) {
      const bar = Number(g.getAttribute('data-bar'));
      const value = this.values[bar] ?? this.options.baseline;
      g.setAttribute('aria-valuenow', String(value));
      g.setAttribute('aria-valuetext', `Bar ${bar + 1}: ${this.options.valueText(value)}`);
      g.setAttribute('aria-describedby', describedBy);
      g.setAttribute('tabindex', bar === this.focusBar ? '0' : '-1');
      if (this.invalid) g.setAttribute('aria-invalid', 'true');
      else g.removeAttribute('aria-invalid');
      const level = g.querySelector('.level')!;
      const top = this.y(value);
      // A level at the baseline still shows a sliver, so every bar can be seen and grabbed.
      const y = Math.min(top, base);
      level.setAttribute('y', String(value === this.options.baseline ? base - 1 : y));
      level.setAttribute('height', String(Math.max(2, Math.abs(top - base))));
    }
    this.showReadout();
  }

  private showReadout(): void {
    const focused = this.svg.contains(document.activeElement);
    this.readout.textContent = focused || this.drag
      ? `Bar ${this.focusBar + 1}: ${this.options.valueText(this.values[this.focusBar] ?? this.options.baseline)}`
      : '';
  }

  private y(value: number): number {
    const { min, max } = this.options.range;
    // Half a step of padding above and below, so the extremes are visibly inside the box.
    const step = height / (max - min + 1);
    return step / 2 + ((max - value) / (max - min)) * (height - step);
  }

  private pointFor(event: PointerEvent): { bar: number; value: number } {
    const box = this.svg.getBoundingClientRect();
    return pointToBar((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height, this.values.length, this.options.range);
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.values.length === 0 || event.button !== 0) return;
    event.preventDefault();
    this.svg.setPointerCapture(event.pointerId);
    const point = this.pointFor(event);
    this.drag = point;
    this.focusBar = point.bar;
    this.change(drawLine(this.values, point, point, this.options.range));
    this.focus();
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag) return;
    const point = this.pointFor(event);
    const values = drawLine(this.values, this.drag, point, this.options.range);
    this.drag = point;
    this.focusBar = point.bar;
    this.change(values);
    this.focus();
  }

  private endDrag(event: PointerEvent): void {
    if (this.svg.hasPointerCapture(event.pointerId)) this.svg.releasePointerCapture(event.pointerId);
    this.drag = undefined;
    this.showReadout();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const outcome = applyKey(this.values, this.focusBar, event.key, this.options.range);
    if (!outcome) return;
    event.preventDefault();
    const moved = outcome.bar !== this.focusBar;
    this.focusBar = outcome.bar;
    if (moved) {
      this.update();
      this.focus();
    } else {
      this.change(outcome.values);
    }
  }

  private change(values: number[]): void {
    const changed = values.some((v, i) => v !== this.values[i]);
    this.values = values;
    this.update();
    if (changed) this.options.onChange([...values]);
  }
}
