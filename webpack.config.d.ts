/** Types of webpack.config.js's exports used by tests and the bench. */
import type { Configuration } from 'webpack';

export const DEV_URL: string;
export const FUNCTIONS_TS: string;
export function productionUrl(value?: string): string | null;
export function rewriteManifest(xml: string, hostUrl: string | null): string;
export default function config(
  env?: { functionsOnly?: boolean; outDir?: string; WEBPACK_SERVE?: boolean },
  argv?: { mode?: 'production' | 'development' },
): Promise<Configuration>;
