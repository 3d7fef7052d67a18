import { render } from 'preact';
import { CATEGORY_LABELS } from '../../glossary/categories';
import { entryById, glossary, relatedEntries } from '../../glossary/glossary';
import { type LocalEntry, localEntryIn } from '../../glossary/localised';
import type { Entry } from '../../glossary/schema';
import { t } from '../../i18n';
import { asGlossaryEntry } from '../../packs/display';
import componentsCss from '../../ui/components.css?inline';
import { Popover } from '../../ui/Popover';
import popoverCss from '../../ui/popover.css?inline';
import themeCss from '../../ui/theme.css?inline';
import type { PopoverActions, PopoverHighlighter, PopoverOccurrence, ViewHost } from '../types';
import { MemoryBar } from './MemoryBar';
import type { PopoverMemory } from './memory';
import { canGoBack, currentId, type NavState, popNav, pushNav } from './navigation';
import { pageSentences } from './page-sentences';
import { pinRootUnits } from './shadow-css';

/** The shadow root's styles, with `rem` pinned so the page's root font size cannot resize us. */
export const SHADOW_CSS = pinRootUnits(`${themeCss}\n${componentsCss}\n${popoverCss}`);

/** What the popover's content depends on. */
export interface Rendered<O> {
  occurrence: O;
  nav: NavState;
  pinned: boolean;
  dir: 'ltr' | 'rtl';
}

export interface RenderDeps<O extends PopoverOccurrence> {
  highlighter: PopoverHighlighter<O>;
  local: ViewHost<O>['local'];
  actions: PopoverActions;
  close: ViewHost<O>['close'];
  navigate(nav: NavState): void;
  reveal(target: O): void;
  memory?: PopoverMemory;
  userEntry?: ViewHost<O>['userEntry'];
}

/** A built-in entry, or the reader's own / a pack's with who it belongs to. */
function resolve<O extends PopoverOccurrence>(
  id: string,
  deps: RenderDeps<O>,
): { entry: Entry; owner: string | null; note: string | undefined } | null {
  const builtIn = entryById(id);
  if (builtIn) return { entry: builtIn, owner: null, note: undefined };
  const mine = deps.userEntry?.(id);
  if (!mine) return null;
  return {
    entry: asGlossaryEntry(mine),
    owner: mine.pack ?? t('myterms_your_term'),
    note: mine.note,
  };
}

/**
 * Renders the popover for `current` into `mount` (attached to the page or not yet). Returns what
 * a screen reader should hear, or null when the entry is gone (the popover then closes).
 */
export function renderPopover<O extends PopoverOccurrence>(
  mount: HTMLElement,
  current: Rendered<O>,
  deps: RenderDeps<O>,
): string | null {
  const found = resolve(currentId(current.nav), deps);
  if (!found) {
    deps.close('api');
    return null;
  }
  const { entry, owner, note } = found;
  const onPage = deps.highlighter.occurrences().filter((o) => o.id === entry.id);
  const sentences = pageSentences(onPage, 3);
  const { actions } = deps;
  const localEntry = (id: string): LocalEntry | undefined =>
    deps.local && localEntryIn(deps.local.table, deps.local.lang, id);
  render(
    <Popover
      entry={entry}
      categoryLabel={CATEGORY_LABELS[entry.category]}
      articleTitle={glossary.article.title}
      related={owner === null ? relatedEntries(entry) : []}
      owner={owner}
      note={note}
      pageCount={onPage.length}
      pageSentences={sentences.map((s) => ({
        sentence: s.sentence,
        current: s.occurrence === current.occurrence,
      }))}
      pinned={current.pinned}
      canGoBack={canGoBack(current.nav)}
      local={localEntry(entry.id)}
      localOf={localEntry}
      // The page's words belong to the occurrence's entry, not to a related one navigated to.
      foundForm={entry.id === current.occurrence.id ? current.occurrence.text : undefined}
      onBack={() => deps.navigate(popNav(current.nav))}
      onRelated={(id) => deps.navigate(pushNav(current.nav, id))}
      onReveal={(index) => {
        const target = sentences[index]?.occurrence;
        if (target) deps.reveal(target);
      }}
      onOpenInReference={owner === null ? () => actions.openInReference(entry.id) : undefined}
      onNotATerm={
        actions.notATerm
          ? () => {
              actions.notATerm?.(current.occurrence.text);
              deps.close('api');
            }
          : undefined
      }
      onHideTerm={() => {
        actions.hideTerm(entry.id);
        deps.close('api');
      }}
      onDisableSite={() => {
        actions.disableSite();
        deps.close('api');
      }}
      memory={deps.memory && <MemoryBar entryId={entry.id} memory={deps.memory} />}
      // The close button dismisses exactly like Esc, including returning focus.
      onClose={() => deps.close('escape')}
    />,
    mount,
  );
  return t('popover_announce_definition', localEntry(entry.id)?.term ?? entry.term);
}
