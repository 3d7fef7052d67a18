import { parseGate } from '../matcher/gate';

/** The frame gate compiled by the build for the glossary (see `buildShipped`). */
declare const __TERMLIGHT_GATE__: string | undefined;

/**
 * The build's frame gate: false when a frame's text certainly holds no glossary term. Without
 * one (tests, a build that left it out), every text may.
 */
export function shippedGate(
  raw: string | undefined = typeof __TERMLIGHT_GATE__ === 'string' ? __TERMLIGHT_GATE__ : undefined,
): (text: string) => boolean {
  return parseGate(raw) ?? (() => true);
}
