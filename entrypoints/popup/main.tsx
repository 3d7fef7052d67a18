import { render } from 'preact';
import '../../src/ui/theme.css';
import '../../src/ui/components.css';
import './style.css';
import './search.css';
import { localiseDocument } from '../../src/i18n';
import { App } from './App';

const params = new URLSearchParams(location.search);
const full = params.get('view') === 'full';
document.documentElement.classList.toggle('tl-full', full);
localiseDocument(document, full ? 'popup_title_full' : 'ext_name');

render(
  <App
    full={full}
    initialQuery={params.get('q') ?? ''}
    initialEntry={params.get('entry') ?? undefined}
  />,
  document.getElementById('app') as HTMLElement,
);
// Read by the benchmark: time from navigation start to the first synchronous render.
performance.mark('termlight:popup-rendered');
