import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { entryById } from '../../src/glossary/glossary';
import type { Category, Entry } from '../../src/glossary/schema';
import { plural, t } from '../../src/i18n';
import type { PageStateResponse, PageTermsResponse } from '../../src/messaging/protocol';
import type { Settings } from '../../src/settings/settings';
import { type SettingsSource, useSettings } from '../../src/settings/use-settings';

/** Jumps offered per entry; a term met 200 times is reached through its first dozen. */
const MAX_JUMPS = 12;

export interface PanelProps {
  activeTab(): Promise<number | null>;
  pageState(tabId: number): Promise<PageStateResponse | null>;
  pageTerms(tabId: number): Promise<PageTermsResponse | null>;
  /** Writes the export file; its name. */
  exportPage(reply: PageTermsResponse, kind: 'csv' | 'anki'): string;
  reveal(tabId: number, id: string, index: number): void;
  onPageChange(cb: (tabId: number) => void, signal: AbortSignal): void;
  settings: SettingsSource;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
}

export interface BriefingGroup {
  category: Category;
  count: number;
  entries: { entry: Entry; count: number }[];
}

/** Categories in order of their first mention, entries likewise (the page state's order). */
export function briefing(state: PageStateResponse): BriefingGroup[] {
  const groups = new Map<Category, BriefingGroup>();
  for (const { id, count } of state.entries) {
    const entry = entryById(id);
    if (!entry || count === 0) continue;
    let group = groups.get(entry.category);
    if (!group) {
      group = { category: entry.category, count: 0, entries: [] };
      groups.set(entry.category, group);
    }
    group.count += count;
    group.entries.push({ entry, count });
  }
  return [...groups.values()];
}

function Jumps({ entry, count, onJump }: { entry: Entry; count: number; onJump(i: number): void }) {
  const shown = Math.min(count, MAX_JUMPS);
  return (
    <div class="tl-panel__jumps">
      {Array.from({ length: shown }, (_, i) => (
        <button
          key={i}
          type="button"
          class="tl-button"
          data-jump={i}
          aria-label={t('panel_jump_label', entry.term, String(i + 1))}
          onClick={() => onJump(i)}
        >
          {i + 1}
        </button>
      ))}
    </div>
  );
}

/** The active tab and what its content script found, asked again when that tab reports a change. */
function usePageBriefing(props: PanelProps) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PageStateResponse | null | 'loading'>('loading');
  useEffect(() => {
    const controller = new AbortController();
    const load = async (changed?: number) => {
      const active = await props.activeTab();
      // A report from a background tab changes nothing shown here.
      if (changed !== undefined && changed !== active) return;
      setTabId(active);
      const reply = active === null ? null : await props.pageState(active);
      if (!controller.signal.aborted) setState(reply);
    };
    void load();
    props.onPageChange((id) => void load(id), controller.signal);
    return () => controller.abort();
  }, [props]);
  return { tabId, state };
}

/** One button per export format; each asks the tab for its terms when pressed. */
function ExportButtons(props: Pick<PanelProps, 'pageTerms' | 'exportPage'> & { tabId: number }) {
  return (
    <div class="tl-button-row">
      {(['csv', 'anki'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          class="tl-button"
          onClick={async () => {
            const reply = await props.pageTerms(props.tabId);
            if (reply) props.exportPage(reply, kind);
          }}
        >
          {t(`panel_export_${kind}`)}
        </button>
      ))}
    </div>
  );
}

function CategorySection({
  group,
  onJump,
}: {
  group: BriefingGroup;
  onJump(id: string, i: number): void;
}) {
  return (
    <section class="tl-panel__category" data-category={group.category}>
      <h2>
        {CATEGORY_LABELS[group.category]} ({plural('panel_category_count', group.count)})
      </h2>
      <ul class="tl-panel__entries">
        {group.entries.map(({ entry, count }) => (
          <li key={entry.id} data-panel-entry={entry.id}>
            <strong>{entry.term}</strong> · {plural('panel_entry_count', count)}
            <p class="tl-panel__definition" lang="en">
              {entry.definition}
            </p>
            <Jumps entry={entry} count={count} onJump={(i) => onJump(entry.id, i)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The page briefing: the active tab's terms by category, with definitions and jumps. */
export function Panel(props: PanelProps) {
  const [settings] = useSettings(props.settings);
  const { tabId, state } = usePageBriefing(props);
  const groups = state && state !== 'loading' ? briefing(state) : [];
  return (
    <main class="tl-panel">
      <h1>{t('panel_title')}</h1>
      {settings && (
        <label class="tl-checkbox">
          <input
            type="checkbox"
            checked={settings.firstMentionOnly}
            onChange={(e) =>
              void props.updateSettings({ firstMentionOnly: e.currentTarget.checked })
            }
          />{' '}
          {t('panel_first_mention_only')}
        </label>
      )}
      {groups.length > 0 && tabId !== null && (
        <ExportButtons tabId={tabId} pageTerms={props.pageTerms} exportPage={props.exportPage} />
      )}
      {state === 'loading' && <p class="tl-hint">{t('panel_loading')}</p>}
      {state === null && <p class="tl-hint">{t('panel_unavailable')}</p>}
      {state && state !== 'loading' && groups.length === 0 && (
        <p class="tl-hint">{t('panel_empty')}</p>
      )}
      {groups.map((group) => (
        <CategorySection
          key={group.category}
          group={group}
          onJump={(id, i) => tabId !== null && props.reveal(tabId, id, i)}
        />
      ))}
    </main>
  );
}
