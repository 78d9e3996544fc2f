import { ComponentChildren } from 'preact';

/**
 * A wide table that scrolls sideways on a phone: the scrolling box takes keyboard focus and is a
 * named region, so keyboard users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableScroll(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}
