/** Whether a frame's top frame is of its own origin (reading a cross-origin top's location throws). */
export function sameOriginAsTop(win: Window): boolean {
  try {
    return win.top !== null && win.top.location.origin === win.location.origin;
  } catch {
    return false;
  }
}
