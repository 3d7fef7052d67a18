import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  disabled?: boolean | undefined;
  /** Extra text read after the label (e.g. why the switch is disabled). */
  describedBy?: string | undefined;
  class?: string | undefined;
}

/** An on/off switch: a real button with role="switch", so Space and Enter both toggle it. */
export function Switch({
  checked,
  onChange,
  children,
  disabled,
  describedBy,
  ...rest
}: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      disabled={disabled}
      class={`tl-switch ${rest.class ?? ''}`}
      onClick={() => onChange(!checked)}
    >
      <span class="tl-switch__label">{children}</span>
      <span class="tl-switch__track" aria-hidden="true">
        <span class="tl-switch__thumb" />
      </span>
    </button>
  );
}
