import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AtlasSummary, CountrySummary, StartupPrefs } from '../../../shared/contract';
import { App } from './App';
import { atlas, unwrap } from '../bridge';
import { ToastProvider } from '../ui/Toasts';
import { NotesProvider } from '../notes/NotesContext';
import { startI18n } from '../i18n/i18n';
import { applyDocumentTheme, osPrefersDark, resolveTheme } from '../theme/theme';

/** What the app starts from: main's answers to the first three calls. */
export interface AppStart {
  prefs: StartupPrefs;
  countries: CountrySummary[];
  view: AtlasSummary;
}

/**
 * Renders the app into `container`. It is loaded as a chunk of its own after the map has been
 * started, so React and the rest of the app are fetched and evaluated while MapLibre's worker
 * starts and fetches the shapes, not before the map exists.
 */
export async function mountApp(container: HTMLElement, { prefs, countries, view }: AppStart): Promise<void> {
  // The panel left open is reopened, but forgotten in the store first: the app remembers it again
  // once it has rendered, so a panel that fails (or takes the window down) is not reopened at every
  // start. Sent before anything renders, so main has it whatever happens next.
  if (prefs.session?.selected) void unwrap(atlas().prefs.setSession({ ...prefs.session, selected: null })).catch(() => undefined);
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
