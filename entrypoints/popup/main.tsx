import { render } from 'preact';
import { PopupView } from './PopupView';
import { loadPopupData } from './data/load-popup-data';
import './popup.css';

render(<PopupView load={loadPopupData} />, document.getElementById('app')!);
