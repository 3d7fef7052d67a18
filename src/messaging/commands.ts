/**
 * The keyboard commands, once: the manifest's `commands` (wxt.config.ts), the background's
 * routing and the message the content script accepts all read this.
 */
export const KEYBOARD_COMMANDS = {
  'next-occurrence': { key: 'Alt+Shift+J', description: 'Go to the next highlighted term' },
  'previous-occurrence': { key: 'Alt+Shift+K', description: 'Go to the previous highlighted term' },
  'toggle-site': { key: 'Alt+Shift+L', description: 'Turn highlighting on or off for this site' },
} as const;

export type KeyboardCommand = keyof typeof KEYBOARD_COMMANDS;

/** The commands the background forwards to the page's content script. */
export const CONTENT_COMMANDS = [
  'next-occurrence',
  'previous-occurrence',
] as const satisfies readonly KeyboardCommand[];
export type ContentCommand = (typeof CONTENT_COMMANDS)[number];

export function isContentCommand(command: string): command is ContentCommand {
  return (CONTENT_COMMANDS as readonly string[]).includes(command);
}
