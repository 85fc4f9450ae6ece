import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * A Content-Security-Policy for the built page (not the dev server, whose hot reload needs more). Scripts come from
 * the page's own origin only; the API may live elsewhere (VITE_API_BASE) and result files come from signed links on
 * a storage account, so fetches may go to any https origin. Tone.js runs its clock in a Worker made from a Blob URL.
 */
function contentSecurityPolicy(apiBase: string): Plugin {
  const apiOrigin = apiBase ? new URL(apiBase).origin : '';
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    // OSMD and VexFlow set style attributes on the SVG they draw.
    "style-src 'self' 'unsafe-inline'",
    // OSMD's cursor is a data: image; downloads are blob: URLs.
    "img-src 'self' data: blob:",
    `connect-src 'self' ${apiOrigin} https:`.replace(/\s+/g, ' '),
    "worker-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'sithsynth-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    // Relative asset URLs: the same build works at a site's root and under any path.
    base: './',
    plugins: [contentSecurityPolicy(env.VITE_API_BASE ?? '')],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      // OSMD's chunk is over a megabyte by nature; it is lazy, so only the initial chunk's size matters.
      chunkSizeWarningLimit: 1600,
      sourcemap: false,
    },
    server: {
      // `npm run dev` next to `sithsynth serve` on :5000: the API is proxied so the page stays same-origin.
      proxy: { '/api': process.env.SITHSYNTH_API ?? 'http://127.0.0.1:5000' },
    },
  };
});
