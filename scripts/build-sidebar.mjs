/**
 * `npm run build:gas` (second half): dist/gas/sidebar.html, the Google Sheets sidebar as ONE file.
 *
 * Apps Script serves only the project's own files (HtmlService.createHtmlOutputFromFile), so the
 * sidebar's JavaScript (gas/sidebar/index.tsx: the task pane's React UI over google.script.run)
 * is bundled by esbuild for the browser, minified, and inlined into the page with its CSS (Fluent
 * UI injects its styles at run time; the page's own few rules are inline). Nothing is loaded from
 * anywhere else: no script, stylesheet or font URL.
 *
 * The page carries `<meta name="runrate-start-tab" content="policy">`: the server replaces the
 * tab (gas/server/index.ts, START_TAB_META) so each menu item opens its own tab.
 *
 * Written to a temporary name and renamed (a test reading it during a rebuild sees a whole file).
 * Prints the size.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'gas');
/** Must equal START_TAB_META in gas/server/index.ts (the sidebar test checks the built page has it). */
const START_TAB_META = '<meta name="runrate-start-tab" content="policy">';
/**
 * The sidebar is 300 px wide, narrower than Excel's pane: the five tabs wrap onto a second line
 * instead of the last one being cut off.
 */
const SIDEBAR_CSS = '.fui-TabList{flex-wrap:wrap!important}';

const result = await build({
  entryPoints: [path.join(root, 'gas', 'sidebar', 'index.tsx')],
  bundle: true,
  write: false,
  outfile: path.join(out, 'sidebar.js'), // names the outputs; nothing is written
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  jsx: 'automatic',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text;
if (!js) throw new Error('build-sidebar: esbuild produced no JavaScript');
const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';

// Inline script: a `</script` inside the code would end the element early.
const inlineJs = js.replace(/<\/(script)/gi, '<\\/$1');
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<base target="_top">
<meta name="viewport" content="width=device-width, initial-scale=1">
${START_TAB_META}
<title>RunRate</title>
<style>html,body{margin:0;padding:0;background:#fff}${SIDEBAR_CSS}${css}</style>
</head>
<body>
<div id="root"></div>
<script>${inlineJs}</script>
</body>
</html>
`;

mkdirSync(out, { recursive: true });
const target = path.join(out, 'sidebar.html');
const tmp = path.join(out, `.sidebar.html.${process.pid}.tmp`);
writeFileSync(tmp, html);
renameSync(tmp, target);
console.log(
  `dist/gas: sidebar.html ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB (script ${(js.length / 1024).toFixed(1)} KB inline)`,
);
