import type { ComponentChildren } from 'preact';

export interface FileButtonProps {
  children: ComponentChildren;
  accept: string;
  testId: string;
  onPick: (file: File) => void;
}

/** A button that opens the file picker: a styled label around a visually hidden file input. */
export function FileButton({ children, accept, testId, onPick }: FileButtonProps) {
  return (
    <label class="tl-button tl-file-button">
      {children}
      <input
        type="file"
        accept={accept}
        class="tl-visually-hidden"
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onPick(file);
          // The same file can be chosen again after fixing it.
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
