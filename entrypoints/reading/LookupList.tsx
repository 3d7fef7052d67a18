import { CATEGORY_LABELS } from '../../src/glossary/categories';
import type { Lookup } from '../../src/history/record';
import { type EntryGroup, groupByDay, groupByEntry } from '../../src/history/views';
import { plural, t, uiLocale } from '../../src/i18n';

export type Grouping = 'entry' | 'day';

export interface LookupListProps {
  lookups: readonly Lookup[];
  grouping: Grouping;
  timeZone: string;
}

const timeFormat = () =>
  new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });

function dayTitle(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Noon UTC, so the calendar day reads the same in every time zone.
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'full', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d, 12),
  );
}

function Sentence({ lookup }: { lookup: Lookup }) {
  const at = lookup.formAt ?? lookup.sentence.indexOf(lookup.form);
  if (at < 0) return <>{lookup.sentence}</>;
  const end = at + lookup.form.length;
  return (
    <>
      {lookup.sentence.slice(0, at)}
      <mark>{lookup.sentence.slice(at, end)}</mark>
      {lookup.sentence.slice(end)}
    </>
  );
}

/** One lookup: the sentence it was met in, where and when, and a link back to the page. */
function LookupItem({ lookup, showTerm }: { lookup: Lookup; showTerm: boolean }) {
  return (
    <li class="tl-lookup" data-entry={lookup.entryId}>
      {showTerm && <strong class="tl-lookup__term">{lookup.term} </strong>}
      <q class="tl-lookup__sentence" lang={lookup.lang}>
        <Sentence lookup={lookup} />
      </q>
      <div class="tl-lookup__meta">
        <a href={lookup.url} target="_blank" rel="noopener noreferrer">
          {lookup.title || lookup.site}
        </a>
        {' · '}
        <span>{lookup.site}</span>
        {' · '}
        <time dateTime={new Date(lookup.time).toISOString()}>
          {timeFormat().format(lookup.time)}
        </time>
      </div>
    </li>
  );
}

function EntryHeading({ group }: { group: EntryGroup }) {
  return (
    <h3 class="tl-group__heading">
      {group.term}{' '}
      <span class="tl-group__meta">
        {CATEGORY_LABELS[group.category]} · {plural('history_group_count', group.count)}
      </span>
    </h3>
  );
}

/** Lookups grouped by entry (most recent first) or by day. Props only. */
export function LookupList({ lookups, grouping, timeZone }: LookupListProps) {
  if (lookups.length === 0) {
    return <p class="tl-hint">{t('history_empty')}</p>;
  }
  if (grouping === 'day') {
    return (
      <div class="tl-groups">
        {groupByDay(lookups, timeZone).map((group) => (
          <section key={group.day} class="tl-group">
            <h3 class="tl-group__heading">{dayTitle(group.day)}</h3>
            <ul class="tl-lookups">
              {group.lookups.map((l) => (
                <LookupItem key={l.id ?? `${l.time}${l.entryId}`} lookup={l} showTerm />
              ))}
            </ul>
          </section>
        ))}
      </div>
    );
  }
  const byEntry = new Map<string, Lookup[]>();
  for (const l of lookups) byEntry.set(l.entryId, [...(byEntry.get(l.entryId) ?? []), l]);
  return (
    <div class="tl-groups">
      {groupByEntry(lookups).map((group) => (
        <section key={group.entryId} class="tl-group" data-entry={group.entryId}>
          <EntryHeading group={group} />
          <ul class="tl-lookups">
            {(byEntry.get(group.entryId) ?? []).map((l) => (
              <LookupItem key={l.id ?? `${l.time}${l.entryId}`} lookup={l} showTerm={false} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
