// The console's scenario editor: the YAML of the picked scenario in a text area, checked with the
// same parser and the same located messages as `bulwark validate` (a click on one puts the caret
// there), run in this browser, and shared as a link that carries the text itself (share-link.ts)
// or downloaded as a file.
//
// The parser (with the YAML library and the gazetteer, most of the console's weight) is loaded on
// first use, when the editor opens or a shared link arrives, so the console's main chunk does not
// carry it.

import { formatIssue, type ScenarioIssue } from '../scenario/issue.js';
import { MAX_LINK_CHARS, shareLink } from './share-link.js';
import './scenario-editor.css';

type ScenarioParser = typeof import('../scenario/parse.js');
let parser: Promise<ScenarioParser> | undefined;

/** The scenario parser, loaded once. */
function loadScenarioParser(): Promise<ScenarioParser> {
  return (parser ??= import('../scenario/parse.js'));
}

/** The name edited text goes by in messages, as a file would. */
export const EDITED_FILE = 'edited.yaml';

export interface EditorHooks {
  /** The text of the scenario picked in the console now. */
  currentText(): Promise<string>;
  /** The seed field's value, if set. */
  seed(): number | undefined;
  /** Runs this text in the console: replay, event feed and outcome as for a picked scenario. */
  run(text: string, file: string, seed: number | undefined): Promise<void>;
}

export class ScenarioEditor {
  readonly dialog: HTMLDialogElement;
  private readonly text: HTMLTextAreaElement;
  private readonly issues: HTMLOListElement;
  private readonly link: HTMLInputElement;
  private readonly note: HTMLElement;

  constructor(
    openButtonAfter: HTMLElement,
    private readonly hooks: EditorHooks,
  ) {
    const open = element('button', { id: 'edit-scenario', type: 'button', title: 'Edit the scenario (Y)' });
    open.textContent = 'Edit ✎';
    openButtonAfter.after(open);
    this.dialog = element('dialog', { id: 'scenario-editor', 'aria-label': 'Scenario editor' });
    this.dialog.innerHTML = `
      <header><h2>Scenario</h2><span class="editor-note" role="status" aria-live="polite"></span>
        <button type="button" id="editor-close" aria-label="Close">✕</button></header>
      <textarea id="editor-text" spellcheck="false" aria-label="Scenario YAML"></textarea>
      <ol id="editor-issues" aria-label="Problems"></ol>
      <footer>
        <button type="button" id="editor-check">Check</button>
        <button type="button" id="editor-run" class="primary">Run ▶</button>
        <button type="button" id="editor-share">Share link</button>
        <button type="button" id="editor-download">Download .yaml</button>
        <input id="editor-link" readonly aria-label="Share link" placeholder="a link that carries this scenario and seed">
      </footer>`;
    document.body.append(this.dialog);
    const $ = <T extends HTMLElement>(id: string) => this.dialog.querySelector<T>(`#${id}`)!;
    this.text = $<HTMLTextAreaElement>('editor-text');
    this.issues = $<HTMLOListElement>('editor-issues');
    this.link = $<HTMLInputElement>('editor-link');
    this.note = this.dialog.querySelector<HTMLElement>('.editor-note')!;
    open.addEventListener('click', () => void this.open());
    $('editor-close').addEventListener('click', () => this.dialog.close());
    $('editor-check').addEventListener('click', () => void this.check());
    $('editor-run').addEventListener('click', () => void this.run());
    $('editor-share').addEventListener('click', () => void this.share());
    $('editor-download').addEventListener('click', () => this.download());
    this.text.addEventListener('input', () => (this.link.value = ''));
    // Keys typed in the editor are text, not the console's shortcuts (R runs, Space plays …).
    this.dialog.addEventListener('keydown', (e) => e.stopPropagation());
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (
        e.key === 'y' &&
        !e.ctrlKey &&
        !e.metaKey &&
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
      )
        void this.open();
    });
  }

  /** Opens the editor on `text`, or on the picked scenario's text when the editor is empty. */
  async open(text?: string): Promise<void> {
    // Check and Run need the parser: fetch it while the user reads.
    void loadScenarioParser();
    if (text !== undefined) this.text.value = text;
    else if (this.text.value === '') this.text.value = await this.hooks.currentText();
    if (!this.dialog.open) this.dialog.show();
    this.text.focus();
  }

  /** Checks the text as `bulwark validate` does; lists the problems, located. */
  async check(): Promise<boolean> {
    const { parseScenario } = await loadScenarioParser();
    const result = parseScenario(this.text.value, EDITED_FILE);
    this.issues.replaceChildren();
    if (result.ok) {
      this.say(`valid: ${result.scenario.name}`);
      return true;
    }
    for (const issue of result.issues) this.issues.append(this.issueItem(issue));
    this.say(`${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`, true);
    return false;
  }

  private issueItem(issue: ScenarioIssue): HTMLLIElement {
    const item = element('li', { tabindex: '0' });
    item.textContent = formatIssue(issue);
    const go = () => this.caretAt(issue.line, issue.column);
    item.addEventListener('click', go);
    item.addEventListener('keydown', (e) => e.key === 'Enter' && go());
    return item;
  }

  /** Puts the caret at a line and column (1-based) of the text and scrolls there. */
  caretAt(line: number, column: number): void {
    const lines = this.text.value.split('\n');
    let offset = 0;
    for (let k = 0; k < line - 1 && k < lines.length; k++) offset += lines[k].length + 1;
    offset += Math.max(0, column - 1);
    this.text.focus();
    this.text.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(this.text).lineHeight) || 16;
    this.text.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  /** Runs the text a shared link brought, as its sender ran it. */
  runShared(): Promise<void> {
    return this.run();
  }

  private async run(): Promise<void> {
    if (!(await this.check())) return;
    this.say('running…');
    await this.hooks.run(this.text.value, EDITED_FILE, this.hooks.seed());
    this.say('ran: see the map and the outcome');
  }

  private async share(): Promise<void> {
    if (!(await this.check())) return;
    const link = await shareLink(location.href, this.text.value, this.hooks.seed());
    if (link.length > MAX_LINK_CHARS) {
      this.link.value = '';
      this.say(`the link would be ${link.length} characters: share the downloaded file instead`, true);
      return;
    }
    this.link.value = link;
    this.link.select();
    try {
      await navigator.clipboard.writeText(link);
      this.say('link copied: it carries the scenario and the seed');
    } catch {
      this.say('link ready: it carries the scenario and the seed');
    }
  }

  private download(): void {
    const a = element('a', { download: EDITED_FILE });
    a.href = URL.createObjectURL(new Blob([this.text.value], { type: 'application/yaml' }));
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private say(text: string, error = false): void {
    this.note.textContent = text;
    this.note.classList.toggle('error', error);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  return e;
}
