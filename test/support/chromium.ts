/**
 * Debian's headless Chromium for the task-pane and sidebar tests, started as this machine needs it:
 * no sandbox (root), no GPU, and none of Chromium's own background connections (the network is
 * closed; the tests fail on any request that leaves 127.0.0.1).
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
