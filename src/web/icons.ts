// Control icons drawn as SVG, not as characters: the fonts a plain Debian machine has (DejaVu)
// carry ▶ but not ⏸ (U+23F8), which Chromium would show as an empty box.

const SVG = (body: string) =>
  `<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${body}</svg>`;

export const ICONS = {
  play: SVG('<path d="M4 2.5 13.5 8 4 13.5z" fill="currentColor"/>'),
  pause: SVG(
    '<rect x="3.5" y="2.5" width="3" height="11" fill="currentColor"/>' +
      '<rect x="9.5" y="2.5" width="3" height="11" fill="currentColor"/>',
  ),
} as const;

/** Shows `icon` in a button, once (a play/pause toggle is set many times a second while playing). */
export function setIcon(button: HTMLElement, icon: keyof typeof ICONS): void {
  if (button.dataset.icon === icon) return;
  button.dataset.icon = icon;
  button.innerHTML = ICONS[icon];
}
