import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import './ui/ui.css';
import { atlas, unwrap } from './bridge';
import { languageForLocale, translate } from '../../shared/i18n';
import { startMap } from './map/startMap';
import { applyDocumentTheme, osPrefersDark, resolveTheme } from './theme/theme';

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('No #root element');
  // The map and its shapes load while the app's data is on its way, and are coloured when it comes.
  // The map goes first: its worker and shapes are the longest way to an interactive map. It is
  // drawn in the OS's theme (in the app, main makes that the user's choice); a different choice
  // made in the browser harness is applied when the preferences come.
  applyDocumentTheme(resolveTheme('system', osPrefersDark()));
  startMap();
  // Only then the rest of the app (React and everything it renders): a chunk of its own, fetched
  // and evaluated while the map's worker starts, instead of before the map is created.
  const [prefs, countries, view, { mountApp }] = await Promise.all([
    unwrap(atlas().prefs.get()),
    unwrap(atlas().countries.list()),
    unwrap(atlas().atlas.get()),
    import('./app/mountApp'),
  ]);
  await mountApp(container, { prefs, countries, view });
}

boot().catch((error: unknown) => {
  const message = document.createElement('p');
  message.className = 'boot-error';
  message.setAttribute('role', 'alert');
  const text = error instanceof Error ? error.message : String(error);
  message.textContent = translate(languageForLocale(navigator.language), 'app.loadFailed', { message: text });
  document.body.replaceChildren(message);
});
