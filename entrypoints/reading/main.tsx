import { render } from 'preact';
import '../../src/ui/theme.css';
import '../../src/ui/components.css';
import '../options/style.css';
import '../options/sites.css';
import './style.css';
import { createHistoryStore } from '../../src/history/store';
import { t, uiDir, uiLocale } from '../../src/i18n';
import { getHistoryStatus } from '../../src/platform/history-status';
import { getSettings, updateSettings, watchSettings } from '../../src/settings/store';
import { App } from './App';

document.documentElement.lang = uiLocale();
document.documentElement.dir = uiDir();
document.title = t('history_title');
const params = new URLSearchParams(location.search);

render(
  <App
    store={createHistoryStore()}
    settings={{ getSettings, watchSettings }}
    updateSettings={updateSettings}
    getStatus={getHistoryStatus}
    initialEntry={params.get('entry')}
  />,
  document.getElementById('app') as HTMLElement,
);
