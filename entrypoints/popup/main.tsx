import { render } from 'preact';
import { PopupView } from '../../components/PopupView';
import { loadPopupData } from '../../utils/popup/load-popup-data';
import '../../components/popup.css';

render(<PopupView load={loadPopupData} />, document.getElementById('app')!);
