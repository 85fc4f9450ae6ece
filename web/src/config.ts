// Build-time configuration. VITE_API_BASE points a statically hosted client at its API (e.g. the Function App's
// https://…azurewebsites.net/); unset, the client calls the origin that served it, as `sithsynth serve` does.
export function apiBase(): string {
  const configured = (import.meta.env.VITE_API_BASE as string | undefined)?.trim();
  return configured ? configured : `${window.location.origin}/`;
}
