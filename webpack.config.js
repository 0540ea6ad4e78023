/**
 * The Excel add-in build: dist/addin/ with
 * - functions.js (the generated custom-function wrappers, addin/functions/functions.generated.ts,
 *   with the `CustomFunctions.associate` calls the metadata plugin's loader appends) and
 *   functions.json (written by the same plugin from the wrappers' JSDoc);
 * - taskpane.html with the functions, commands and task-pane bundles (one shared runtime);
 * - manifest.xml and the icons, the manifest's https://localhost:3000/ rewritten to
 *   RUNRATE_ADDIN_URL in a production build when that variable is set.
 *
 * Every build first generates the wrappers from the core descriptors (scripts/function-docs.mjs).
 * `npm run build:addin` = `webpack --mode production`; `npm run dev-server` = the same served at
 * https://localhost:3000 with office-addin-dev-certs' certificates (asked for only when serving:
 * the build and the tests need none).
 *
 * `--env functionsOnly` builds just functions.js and functions.json (the tests and the bench use
 * it); `--env outDir=DIR` writes elsewhere than dist/addin.
 */
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { loadFunctions, writeExcelFunctions } from './scripts/function-docs.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
export const DEV_URL = 'https://localhost:3000/';
export const FUNCTIONS_TS = path.join(ROOT, 'addin', 'functions', 'functions.generated.ts');
const TASKPANE_TSX = path.join(ROOT, 'addin', 'taskpane', 'index.tsx');
const TASKPANE_HTML = path.join(ROOT, 'addin', 'taskpane', 'taskpane.html');
const COMMANDS_TS = path.join(ROOT, 'addin', 'commands', 'commands.ts');

/** The production host from RUNRATE_ADDIN_URL, with a trailing slash; https only. */
export function productionUrl(value = process.env.RUNRATE_ADDIN_URL) {
  if (!value) return null;
  const url = new URL(value);
  if (url.protocol !== 'https:') throw new Error(`RUNRATE_ADDIN_URL must be an https URL, got ${value}`);
  return url.href.endsWith('/') ? url.href : url.href + '/';
}

/** manifest.xml with every https://localhost:3000/ replaced by the production host. */
export function rewriteManifest(xml, hostUrl) {
  return hostUrl ? xml.split(DEV_URL).join(hostUrl) : xml;
}

export default async function config(env = {}, argv = {}) {
  const prod = argv.mode === 'production';
  const functionsOnly = Boolean(env.functionsOnly);
  const outDir = env.outDir ? path.resolve(env.outDir) : path.join(ROOT, 'dist', 'addin');
  // The wrappers are generated from the core descriptors before every build, so functions.js and
  // functions.json always follow them.
  writeExcelFunctions(await loadFunctions(), FUNCTIONS_TS);
  const hostUrl = prod ? productionUrl() : null;

  const entry = { functions: FUNCTIONS_TS };
  const plugins = [new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_TS, output: 'functions.json' })];
  if (!functionsOnly) {
    entry.commands = COMMANDS_TS;
    entry.taskpane = TASKPANE_TSX;
    plugins.push(
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: TASKPANE_HTML,
        chunks: ['functions', 'commands', 'taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.join(ROOT, 'addin', 'assets', '*.png'), to: 'assets/[name][ext]' },
          {
            from: path.join(ROOT, 'manifest.xml'),
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString(), hostUrl),
          },
        ],
      }),
    );
  }

  const devServer = env.WEBPACK_SERVE
    ? {
        port: Number(process.env.npm_package_config_dev_server_port || 3000),
        headers: { 'Access-Control-Allow-Origin': '*' },
        server: {
          type: 'https',
          // Only the dev server needs certificates (installed under ~/.office-addin-dev-certs).
          options: await (await import('office-addin-dev-certs')).default.getHttpsServerOptions(),
        },
      }
    : undefined;

  return {
    mode: prod ? 'production' : 'development',
    context: ROOT,
    target: ['web', 'es2020'],
    devtool: prod ? false : 'source-map',
    entry,
    output: { path: outDir, filename: '[name].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'addin', 'tsconfig.json'),
              compilerOptions: { noEmit: false },
            },
          },
        },
      ],
    },
    plugins,
    performance: { hints: false },
    devServer,
  };
}
