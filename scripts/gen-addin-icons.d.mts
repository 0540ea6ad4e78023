/** Types of scripts/gen-addin-icons.mjs. */
export const ICON_SIZES: number[];
export function renderIcon(size: number): Buffer;
