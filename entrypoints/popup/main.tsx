import { render } from 'preact';

render(<h1>Termlight</h1>, document.getElementById('app') as HTMLElement);
