import { render } from 'preact';
import '../../src/ui/theme.css';
import '../../src/ui/components.css';
import './style.css';
import './sites.css';
import { localiseDocument } from '../../src/i18n';
import { App } from './App';

localiseDocument(document, 'options_title');

render(<App />, document.getElementById('app') as HTMLElement);
