// Styles for the popover's shadow root. A shadow root isolates selectors, not units: `rem` still
// resolves against the PAGE's root font size, so `html { font-size: 62.5% }` (common) shrank the
// popover's 0.75rem captions to 7.5px, and a 40px root blew it up. Inside the shadow root every
// `rem` is pinned to the size the styles were designed for; the shared theme keeps real `rem`
// on extension pages (popup, options), where the root is ours.

/** The root font size theme.css and popover.css are written against. */
export const DESIGN_ROOT_PX = 16;

/** A number directly followed by `rem`, not part of an identifier (e.g. `--x2rem`, `.a1rem`). */
const REM = /(?<![\w.-])(-?(?:\d+\.?\d*|\.\d+))rem\b/g;

/** Rewrites every `<number>rem` length in `css` to pixels at `rootPx` per rem. */
export function pinRootUnits(css: string, rootPx = DESIGN_ROOT_PX): string {
  return css.replace(REM, (_, value: string) => {
    const px = Number.parseFloat(value) * rootPx;
    // Rounded to 1/1000 px so 0.1875rem prints as 3px, not 2.9999999999999996px.
    return `${Math.round(px * 1000) / 1000}px`;
  });
}
