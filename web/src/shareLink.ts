// A share link: the page's address with the settings and seed of a generation in its query, so opening it fills the
// form and Generate writes the same sheets (the server is deterministic given the settings and the seed).
import { requestFields, type GenerationRequest } from './contract';
import { readSettings } from './savedSettings';

/** The fields a link carries: every request field but the primer, a whole MusicXML file that no address holds. */
export const linkFields = requestFields.filter((field) => field !== 'primer');

/** The query for these settings, one parameter per request field as the API names it; curves comma-separated. */
export function shareQuery(settings: GenerationRequest): string {
  const params = new URLSearchParams();
  for (const field of linkFields) {
    const value = settings[field];
    if (value !== undefined) params.set(field, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/** The page's address with these settings as its query (any earlier query replaced, the fragment kept). */
export function shareUrl(page: string, settings: GenerationRequest): string {
  const url = new URL(page);
  url.search = shareQuery(settings);
  return url.href;
}

/** The settings a query holds; unknown parameters and unreadable values are left out, each on its own. */
export function settingsFromQuery(search: string): GenerationRequest {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const field of linkFields) {
    const value = params.get(field);
    if (value !== null) raw[field] = value;
  }
  return readSettings(raw);
}
