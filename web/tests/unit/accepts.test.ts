import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptsMessage, constraintsOf } from '../../src/accepts';

const input = (attributes: Record<string, string>, type = 'number', required = true) => ({
  type,
  required,
  getAttribute: (name: string) => attributes[name] ?? null,
});

describe('what a field accepts', () => {
  it('names the kind of number and its range', () => {
    expect(acceptsMessage(constraintsOf(input({ min: '8', max: '40', step: '1' })))).toBe('Enter a whole number from 8 to 40.');
    expect(acceptsMessage(constraintsOf(input({ min: '-2', max: '2', step: '0.1' })))).toBe('Enter a number from −2 to 2, in steps of 0.1.');
  });

  it('says an optional field may stay blank', () => {
    expect(acceptsMessage(constraintsOf(input({ min: '0.05', max: '1', step: '0.05' }, 'number', false)))).toBe('Enter a number from 0.05 to 1, in steps of 0.05, or leave it blank.');
  });

  it('uses data-accepts for pattern-checked text', () => {
    expect(acceptsMessage(constraintsOf(input({ pattern: '[0-9]+', 'data-accepts': 'digits only' }, 'text', false)))).toBe('Enter digits only.');
  });

  it('has every pattern-checked input in the page say what it accepts', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'index.html'), 'utf8');
    const inputs = html.match(/<input\b[^>]*\bpattern="[^"]*"[^>]*>/g) ?? [];
    expect(inputs.length).toBeGreaterThan(0);
    for (const tag of inputs) expect(tag).toMatch(/data-accepts="[^"]{10,}"/);
  });
});
