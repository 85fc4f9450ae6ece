// "Same seed, other key": where the key picker beside it starts, so that one click already writes another key.
import { majorKeys, minorKeys } from './form';

/** The key a fifth up in the same mode (C → G, Am → Em); from the sharpest key, a fifth down instead. */
export function nearKey(key: string): string {
  for (const keys of [majorKeys, minorKeys] as readonly (readonly string[])[]) {
    const at = keys.indexOf(key);
    if (at >= 0) return keys[at + 1 < keys.length ? at + 1 : at - 1]!;
  }
  return majorKeys[majorKeys.indexOf('G')]!;
}
