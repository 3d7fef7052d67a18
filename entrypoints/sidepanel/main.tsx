import { render } from 'preact';
import '../../src/ui/theme.css';
import '../../src/ui/components.css';
import '../options/style.css';
import '../options/sites.css';
import './style.css';
import { t, uiDir, uiLocale } from '../../src/i18n';
import { observeMessages, sendToTab } from '../../src/platform/messaging';
import { activeTab, onActiveTabChanged } from '../../src/platform/tabs';
import { getSettings, updateSettings, watchSettings } from '../../src/settings/store';
import { exportPage } from './export';
import { Panel } from './Panel';

document.documentElement.lang = uiLocale();
document.documentElement.dir = uiDir();
document.title = t('panel_title');

render(
  <Panel
    activeTab={async () => (await activeTab())?.id ?? null}
    pageState={(tabId) => sendToTab(tabId, { type: 'popup/get-page-state' })}
    pageTerms={(tabId) => sendToTab(tabId, { type: 'popup/get-page-terms' })}
    exportPage={exportPage}
    reveal={(tabId, id, index) => void sendToTab(tabId, { type: 'popup/reveal', id, index })}
    // The content script reports its page state whenever the page's terms change.
    onPageChange={(cb, signal) => {
      observeMessages(
        'content-to-background',
        (m, sender) => {
          if (m.type === 'content/page-state' && sender.tabId !== undefined) cb(sender.tabId);
        },
        signal,
      );
      onActiveTabChanged(cb, signal);
    }}
    settings={{ getSettings, watchSettings }}
    updateSettings={updateSettings}
  />,
  document.getElementById('app') as HTMLElement,
);
