import type { ComponentChildren } from 'preact';

export interface RadioProps<V extends string> {
  name: string;
  value: V;
  checked: boolean;
  onChoose: (value: V) => void;
  /** The larger, boxed look of the highlight-style choice. */
  card?: boolean;
  children: ComponentChildren;
}

/** One choice of a radio group with its label around it, as the options page's groups show it. */
export function Radio<V extends string>({
  name,
  value,
  checked,
  onChoose,
  card,
  children,
}: RadioProps<V>) {
  return (
    <label class={card ? 'tl-radio tl-radio--card' : 'tl-radio'}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={() => onChoose(value)}
      />
      {children}
    </label>
  );
}
