// Related-term navigation inside one popover: a stack of entry ids with the occurrence's own
// entry at the bottom, so "Back" always returns to what was hovered.

export interface NavState {
  readonly stack: readonly string[];
}

export const startNav = (id: string): NavState => ({ stack: [id] });

export const currentId = (nav: NavState): string => nav.stack[nav.stack.length - 1] as string;

export const canGoBack = (nav: NavState): boolean => nav.stack.length > 1;

export function pushNav(nav: NavState, id: string): NavState {
  if (currentId(nav) === id) return nav;
  return { stack: [...nav.stack, id] };
}

export function popNav(nav: NavState): NavState {
  return canGoBack(nav) ? { stack: nav.stack.slice(0, -1) } : nav;
}
