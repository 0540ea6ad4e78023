// Renders addin/assets/icon.svg to the add-in's PNG icons (16, 32, 64 and 80 px) with resvg.
// The PNGs are committed (the build copies them); a test checks they match a fresh render.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'addin', 'assets');
export const ICON_SIZES = [16, 32, 64, 80];

/** The PNG bytes of the icon at `size` px. */
export function renderIcon(size) {
  const svg = readFileSync(path.join(ASSETS, 'icon.svg'));
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const size of ICON_SIZES) {
    const file = path.join(ASSETS, `icon-${size}.png`);
    writeFileSync(file, renderIcon(size));
    console.log(path.relative(process.cwd(), file));
  }
}
