/**
 * Node side of the headless task-pane test: builds the add-in when dist/addin is missing or older
 * than its sources, bundles the office.js stand-in with the example book, serves dist/addin on
 * 127.0.0.1, and opens the built taskpane.html in headless Chromium with every request recorded.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../support/chromium.js';
import { exampleBook, ROOT } from './example-book.js';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const DIST = path.join(ROOT, 'dist', 'addin');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'addin', 'taskpane');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else out.push(full);
  }
  return out;
}

/** A hash of what the add-in is built from (contents, not times: formatters touch files they leave unchanged). */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...sourceFiles(path.join(ROOT, 'addin')),
    ...sourceFiles(path.join(ROOT, 'src')),
    path.join(ROOT, 'webpack.config.js'),
    path.join(ROOT, 'manifest.xml'),
    path.join(ROOT, 'scripts', 'gen-excel-functions.mjs'),
  ].filter(existsSync);
  for (const file of files.sort())
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * dist/addin/taskpane.html, built with `npm run build:addin` unless the last build this test made
 * is still there and the sources are unchanged since (recorded in test-artifacts/addin/).
 */
export function builtPane(): string {
  const html = path.join(DIST, 'taskpane.html');
  const record = path.join(ROOT, 'test-artifacts', 'addin', 'taskpane-build.json');
  const hash = sourcesHash();
  const stamp = () => (existsSync(html) ? statSync(html).mtimeMs : 0);
  let fresh = false;
  if (existsSync(record) && existsSync(html)) {
    const last = JSON.parse(readFileSync(record, 'utf8')) as { hash: string; html: number };
    fresh = last.hash === hash && last.html === stamp();
  }
  if (!fresh) {
    execFileSync('npm', ['run', 'build:addin', '--silent'], { cwd: ROOT, stdio: 'pipe' });
    if (!existsSync(html)) throw new Error('npm run build:addin did not write dist/addin/taskpane.html');
    mkdirSync(path.dirname(record), { recursive: true });
    writeFileSync(record, JSON.stringify({ hash, html: stamp() }));
  }
  return html;
}

/**
 * The office.js stand-in: the example book as JSON, then the bundled stub (office-stub.ts);
 * `seedPolicy` saves those policy values into the workbook before the pane starts.
 */
export async function officeStub(seedPolicy?: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'office-stub.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  const book = JSON.stringify(exampleBook());
  const seed = seedPolicy ? `globalThis.__RUNRATE_SEED_POLICY__ = ${JSON.stringify(seedPolicy)};\n` : '';
  return `globalThis.__RUNRATE_EXAMPLE_BOOK__ = ${book};\n${seed}${result.outputFiles[0].text}`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

/** A static server over `dir` on 127.0.0.1 (a free port). */
export async function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}

export interface PaneSession {
  browser: Browser;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Requests to anything but 127.0.0.1/localhost, other than the routed office.js (aborted). */
  offHost: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
}

function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
}

/** Headless Chromium on `origin/taskpane.html` at 350 x 900, office.js answered by `stub`. */
export async function openPane(origin: string, stub: string): Promise<PaneSession> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
  const session: PaneSession = { browser, page, requests: [], offHost: [], pageErrors: [] };
  page.on('request', (r) => {
    session.requests.push(r.url());
    if (!isLocal(r.url()) && r.url() !== OFFICE_JS) session.offHost.push(r.url());
  });
  page.on('pageerror', (e) => session.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') session.pageErrors.push(m.text());
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (isLocal(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  await page.goto(`${origin}/taskpane.html`);
  return session;
}
