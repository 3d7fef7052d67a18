import { useState } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { entryById } from '../../src/glossary/glossary';
import { localEntry } from '../../src/glossary/localised-all';
import { plural, t } from '../../src/i18n';
import { exportSettings } from '../../src/settings/import-export';
import type { Settings } from '../../src/settings/settings';
import { clearSiteRule, setSiteEnabled } from '../../src/settings/site-rules';
import {
  getSettings,
  importSettings,
  resetSettings,
  updateSettings,
  watchSettings,
} from '../../src/settings/store';
import { useSettings } from '../../src/settings/use-settings';
import { downloadText } from '../../src/ui/download';
import { HistoryLinks } from '../../src/ui/HistoryLinks';
import { Appearance } from './Appearance';
import { Backup, type Notice } from './Backup';
import { HiddenTerms } from './HiddenTerms';
import { MyTermsSection } from './MyTerms';
import { SiteList } from './SiteList';
import { siteToAdd, withColor } from './settings-edits';

const SETTINGS = { getSettings, watchSettings };

/** Hidden entries with a term to show: the localised one, else the English one, else the id. */
const hiddenRows = (hiddenTerms: readonly string[]) =>
  hiddenTerms.map((id) => ({ id, term: localEntry(id)?.term ?? entryById(id)?.term ?? id }));

/** Import, export and reset with the notice they leave; the page shows a result at once. */
function SettingsBackup({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings: (s: Settings) => void;
}) {
  const [notice, setNotice] = useState<Notice>(null);

  const onImport = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      setNotice({ kind: 'error', message: t('options_import_read_error', file.name) });
      return;
    }
    // Validates first (parseImport) and writes only a valid file: a bad one changes nothing.
    const result = await importSettings(text);
    if (!result.ok) {
      setNotice({
        kind: 'error',
        message: t('options_import_failed', file.name, result.error),
      });
      return;
    }
    onSettings(result.settings);
    const sites = Object.keys(result.settings.siteRules).length;
    setNotice({
      kind: 'success',
      message: plural('options_import_done', sites, file.name),
    });
  };

  return (
    <Backup
      notice={notice}
      onImport={onImport}
      onExport={() => {
        downloadText(exportSettings(settings), 'termlight-settings.json', 'application/json');
        setNotice({
          kind: 'success',
          message: t('options_export_done', 'termlight-settings.json'),
        });
      }}
      onReset={async () => {
        await resetSettings();
        onSettings(await getSettings());
        setNotice({ kind: 'success', message: t('options_reset_done') });
      }}
    />
  );
}

export function App() {
  const [settings, setSettings] = useSettings(SETTINGS);

  if (!settings) {
    return (
      <main class="tl-options" aria-busy="true">
        <h1>{t('options_title')}</h1>
      </main>
    );
  }

  const update = (patch: Partial<Settings> | ((s: Settings) => Settings)) =>
    updateSettings(patch).then(setSettings);

  const onAdd = (input: string): string | null => {
    const add = siteToAdd(settings, input);
    if ('error' in add) return add.error;
    update((s) => setSiteEnabled(s, add.host, add.on));
    return null;
  };

  return (
    <main class="tl-options">
      <header class="tl-options__header">
        <span class="tl-logo" aria-hidden="true" />
        <h1>{t('options_title')}</h1>
        <HistoryLinks />
      </header>
      <SiteList
        mode={settings.mode}
        rules={settings.siteRules}
        onModeChange={(mode) => update({ mode })}
        onAdd={onAdd}
        onRemove={(host) => update((s) => clearSiteRule(s, host))}
      />
      <Appearance
        style={settings.style}
        colors={settings.colors}
        hoverDelayMs={settings.hoverDelayMs}
        categoryLabels={CATEGORY_LABELS}
        onStyleChange={(style) => update({ style })}
        onColorChange={(category, color) => update((s) => withColor(s, category, color))}
        onHoverDelayChange={(hoverDelayMs) => update({ hoverDelayMs })}
      />
      <HiddenTerms
        terms={hiddenRows(settings.hiddenTerms)}
        onRestore={(id) =>
          update((s) => ({ ...s, hiddenTerms: s.hiddenTerms.filter((h) => h !== id) }))
        }
        onRestoreAll={() => update({ hiddenTerms: [] })}
      />
      <MyTermsSection />
      <SettingsBackup settings={settings} onSettings={setSettings} />
    </main>
  );
}
