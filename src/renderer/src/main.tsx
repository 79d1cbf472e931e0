import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './app/App';
import { atlas, unwrap } from './app/client';
import { ToastProvider } from './app/Toasts';
import { NotesProvider } from './notes/NotesContext';
import { languageForLocale, translate } from '../../shared/i18n';
import { startI18n } from './i18n/i18n';
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
  const [prefs, countries, view] = await Promise.all([
    unwrap(atlas().prefs.get()),
    unwrap(atlas().countries.list()),
    unwrap(atlas().atlas.get()),
  ]);
  await startI18n(prefs.language);
  applyDocumentTheme(resolveTheme(prefs.theme, osPrefersDark()));
  createRoot(container).render(
    <StrictMode>
      <ToastProvider>
        <NotesProvider>
          <App countries={countries} view={view} prefs={prefs} />
        </NotesProvider>
      </ToastProvider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  const message = document.createElement('p');
  message.className = 'boot-error';
  message.setAttribute('role', 'alert');
  const text = error instanceof Error ? error.message : String(error);
  message.textContent = translate(languageForLocale(navigator.language), 'app.loadFailed', { message: text });
  document.body.replaceChildren(message);
});
