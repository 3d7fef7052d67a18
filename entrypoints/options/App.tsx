import { useState } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../src/glossary/categories';
import { entryById } from '../../src/glossary/glossary';
import { localEntry } from '../../src/glossary/localised-all';
import type { Category } from '../../src/glossary/schema';
import { plural, t } from '../../src/i18n';
import { normalizeHost } from '../../src/settings/hosts';
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

const SETTINGS = { getSettings, watchSettings };

export function App() {
  const [settings, setSettings] = useSettings(SETTINGS);
  const [notice, setNotice] = useState<Notice>(null);

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
    const host = normalizeHost(input);
    if (!host) return t('options_add_invalid_host', input.trim() || ' ');
    // The list holds the exceptions to the mode: sites off in 'deny' mode, on in 'allow' mode.
    const on = settings.mode === 'allow';
    if (setSiteEnabled(settings, host, on) === settings) return t('options_add_duplicate', host);
    update((s) => setSiteEnabled(s, host, on));
    return null;
  };

  const onRemove = (host: string) => update((s) => clearSiteRule(s, host));

  const onColorChange = (category: Category, color: string | null) =>
    update((s) => {
      const colors = { ...s.colors };
      if (color === null) delete colors[category];
      else colors[category] = color;
      return { ...s, colors };
    });

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
    setSettings(result.settings);
    const sites = Object.keys(result.settings.siteRules).length;
    setNotice({
      kind: 'success',
      message: plural('options_import_done', sites, file.name),
    });
  };

  const hidden = settings.hiddenTerms.map((id) => ({
    id,
    term: localEntry(id)?.term ?? entryById(id)?.term ?? id,
  }));

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
        onRemove={onRemove}
      />
      <Appearance
        style={settings.style}
        colors={settings.colors}
        hoverDelayMs={settings.hoverDelayMs}
        categoryLabels={CATEGORY_LABELS}
        onStyleChange={(style) => update({ style })}
        onColorChange={onColorChange}
        onHoverDelayChange={(hoverDelayMs) => update({ hoverDelayMs })}
      />
      <HiddenTerms
        terms={hidden}
        onRestore={(id) =>
          update((s) => ({ ...s, hiddenTerms: s.hiddenTerms.filter((h) => h !== id) }))
        }
        onRestoreAll={() => update({ hiddenTerms: [] })}
      />
      <MyTermsSection />
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
          setSettings(await getSettings());
          setNotice({ kind: 'success', message: t('options_reset_done') });
        }}
      />
    </main>
  );
}
