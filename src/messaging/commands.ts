/**
 * The keyboard commands, once: the manifest's `commands` (wxt.config.ts), the background's
 * routing and the message the content script accepts all read this.
 */
export const KEYBOARD_COMMANDS = {
  // Descriptions are message keys: the manifest shows them in the browser's language.
  'next-occurrence': { key: 'Alt+Shift+J', description: '__MSG_command_next_occurrence__' },
  'previous-occurrence': { key: 'Alt+Shift+K', description: '__MSG_command_previous_occurrence__' },
  'toggle-site': { key: 'Alt+Shift+L', description: '__MSG_command_toggle_site__' },
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
