import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'ok' | 'warning' | 'danger';

const ICON: Record<Tone, string> = { neutral: '•', info: 'ℹ', ok: '✓', warning: '!', danger: '✕' };

/** A status as colour and text and a symbol, never colour alone (WCAG 1.4.1). */
export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`ov-tag ov-tag--${tone}`}>
      <span aria-hidden="true" className="ov-tag__icon">
        {ICON[tone]}
      </span>
      {children}
    </span>
  );
}
