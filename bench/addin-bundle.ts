/**
 * The Excel custom functions as Excel runs them: the functions bundle built by the project's
 * webpack config (`--env functionsOnly`: the generated wrappers with the metadata plugin's
 * `CustomFunctions.associate` calls appended, and functions.json), loaded into a fresh V8 context
 * with a `CustomFunctions` runtime stub that records what the bundle associates. Network objects
 * in that context (fetch, XMLHttpRequest, WebSocket, EventSource, navigator.sendBeacon,
 * importScripts) record every use and fail, so a test can assert the functions use none.
 *
 * Used by the add-in tests (test/addin/functions/) and the bench (bench/addin-functions.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** The repository root: the nearest folder above this module holding webpack.config.js. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'webpack.config.js'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('webpack.config.js not found above ' + import.meta.url);
    dir = up;
  }
}

export interface BuiltFunctions {
  outDir: string;
  js: string;
  json: string;
  /** Wall time of the webpack run, ms. */
  ms: number;
}

/**
 * Builds functions.js + functions.json into `outDir` with the project's webpack config
 * (production mode), which generates the wrappers from the descriptors first.
 */
export async function buildFunctionsBundle(outDir: string): Promise<BuiltFunctions> {
  const root = repoRoot();
  const t0 = performance.now();
  // Imported by path at run time so that a bundler (the bench build) leaves it alone. The config
  // generates the wrappers from the descriptors first.
  const makeConfig = (await import(pathToFileURL(path.join(root, 'webpack.config.js')).href)).default as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<object>;
  const config = await makeConfig({ functionsOnly: true, outDir }, { mode: 'production' });
  const { default: webpack } = await import('webpack');
  await new Promise<void>((resolve, reject) => {
    webpack(config as never, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) {
        return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      }
      resolve();
    });
  });
  return {
    outDir,
    js: path.join(outDir, 'functions.js'),
    json: path.join(outDir, 'functions.json'),
    ms: performance.now() - t0,
  };
}

/** What `new CustomFunctions.Error(code, message)` makes in the stub: Excel's fields. */
export class StubCustomFunctionsError {
  readonly type = 'CustomFunctionsError';
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Excel's error codes as @types/custom-functions-runtime declares them. */
export const ERROR_CODE = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export interface NetworkUse {
  api: string;
  detail: string;
}

export interface LoadedFunctions {
  /** The functions the bundle associated, by id. */
  associated: Map<string, (...args: unknown[]) => unknown>;
  /** Every use of a network API from inside the bundle's context. */
  network: NetworkUse[];
  /** The context the bundle runs in (for `here`: this process's own). */
  context: vm.Context;
  /** Puts back the globals `here` replaced (nothing to do for a fresh context). */
  dispose: () => void;
}

/**
 * Runs functions.js with the runtime stub and recording network objects.
 *
 * `fresh` (the default): in a new context holding only those objects and the Web APIs a browser
 * runtime has, so the bundle sees nothing of Node. `here`: in this process's own global scope, the
 * stub and the recorders installed on `globalThis` until `dispose()`: what the bench times, since
 * code in a `vm` context pays for every global lookup (its global object is intercepted) while
 * Excel's runtime, like this one, has a plain global scope.
 */
export function loadFunctionsBundle(jsFile: string, where: 'fresh' | 'here' = 'fresh'): LoadedFunctions {
  const code = readFileSync(jsFile, 'utf8');
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const network: NetworkUse[] = [];
  const record = (api: string, detail: unknown): Error => {
    network.push({ api, detail: String(detail) });
    return new Error(`network use refused in the functions context: ${api} ${String(detail)}`);
  };
  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      if (typeof fn !== 'function') throw new Error(`${id} associated with a ${typeof fn}`);
      associated.set(id, fn);
    },
    Error: StubCustomFunctionsError,
    ErrorCode: ERROR_CODE,
  };
  class XMLHttpRequest {
    open(method: string, url: string) {
      throw record('XMLHttpRequest.open', `${method} ${url}`);
    }
    send() {
      throw record('XMLHttpRequest.send', '');
    }
  }
  class WebSocket {
    constructor(url: string) {
      throw record('WebSocket', url);
    }
  }
  class EventSource {
    constructor(url: string) {
      throw record('EventSource', url);
    }
  }
  const runtime: Record<string, unknown> = {
    CustomFunctions,
    fetch: (input: unknown) => Promise.reject(record('fetch', input)),
    XMLHttpRequest,
    WebSocket,
    EventSource,
    importScripts: (...urls: unknown[]) => {
      throw record('importScripts', urls.join(' '));
    },
    navigator: {
      userAgent: 'node-vm',
      sendBeacon: (url: string) => {
        record('navigator.sendBeacon', url);
        return false;
      },
    },
  };
  if (where === 'here') {
    const g = globalThis as Record<string, unknown>;
    const saved = Object.keys(runtime).map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
    for (const [k, v] of Object.entries(runtime)) {
      Object.defineProperty(g, k, { value: v, configurable: true, writable: true });
    }
    const dispose = () => {
      for (const [k, d] of saved) {
        if (d) Object.defineProperty(g, k, d);
        else delete g[k];
      }
    };
    try {
      vm.runInThisContext(code, { filename: jsFile });
    } catch (e) {
      dispose();
      throw e;
    }
    return { associated, network, context: g as vm.Context, dispose };
  }
  const context = vm.createContext({
    ...runtime,
    console,
    // Web APIs every Excel runtime (a browser engine) has and the core uses.
    TextEncoder,
    TextDecoder,
    queueMicrotask,
    setTimeout,
    clearTimeout,
  });
  vm.runInContext(code, context, { filename: jsFile });
  return { associated, network, context, dispose: () => {} };
}
