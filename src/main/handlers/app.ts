import type { AppInfo, Handlers } from '../../shared/contract';

/** Handlers for the app itself: its name, versions and data sources, for the About box. */
export function createAppHandlers(deps: { appInfo: () => AppInfo }): Pick<Handlers, 'app'> {
  return {
    app: {
      info: () => deps.appInfo(),
    },
  };
}
