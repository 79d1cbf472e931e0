import './views.css';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, ViewState } from '../../../shared/contract';
import { VIEW_NAME_MAX } from '../../../shared/store/limits';
import { useAtlas } from '../atlas/AtlasContext';
import { atlas, AtlasCallError, unwrap } from '../bridge';
import { errorText } from '../notes/errorText';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toasts';

interface SavedViewsViewProps {
  /** The map's camera and the filters as they are now; null before the map exists. */
  current: () => ViewState | null;
  /** Brings a saved view back: camera, tier filter, organisation, year range. */
  onOpen: (view: SavedView) => void;
}

/**
 * The Views tab: save the map as it is now (camera, tier filter, organisation, year range) under a
 * name, and list the saved views to open, rename or delete (both confirmed in a dialog).
 */
export function SavedViewsView({ current, onOpen }: SavedViewsViewProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  useEffect(() => {
    let live = true;
    unwrap(atlas().views.list()).then(
      (list) => live && setViews(list),
      (error: unknown) => live && setProblem(errorText(t, error)),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const explain = (error: unknown) => (error instanceof AtlasCallError && error.reason === 'already-exists' ? t('views.errors.taken') : errorText(t, error));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const state = current();
    if (name.trim() === '') return setProblem(t('views.errors.empty'));
    if (!state) return setProblem(t('views.errors.noMap'));
    unwrap(atlas().views.save({ name, state })).then(
      (saved) => {
        setViews((list) => [...(list ?? []), saved]);
        setName('');
        setProblem(null);
        toast.show(t('views.saved', { name: saved.name }));
      },
      (error: unknown) => setProblem(explain(error)),
    );
  };

  return (
    <section className="views-view" aria-labelledby="views-heading">
      <h2 id="views-heading">{t('views.heading')}</h2>
      <p className="muted">{t('views.intro')}</p>
      <form className="views-save" onSubmit={save}>
        <label htmlFor="view-name">{t('views.name')}</label>
        <div className="views-save-row">
          <input
            id="view-name"
            type="text"
            value={name}
            maxLength={VIEW_NAME_MAX}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'view-problem' : undefined}
          />
          <button type="submit" className="primary">
            {t('views.save')}
          </button>
        </div>
        {problem && (
          <p id="view-problem" className="views-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      {views && views.length === 0 && <p className="muted">{t('views.none')}</p>}
      {views && views.length > 0 && (
        <ul className="views-list" aria-label={t('views.list')}>
          {views.map((view) => (
            <li key={view.id} className="views-item" data-view={view.id}>
              <button type="button" className="views-open" onClick={() => onOpen(view)} title={t('views.open', { name: view.name })}>
                <span className="views-name">{view.name}</span>
                <ViewSummary state={view.state} />
              </button>
              <div className="views-actions">
                <button type="button" className="link-button" onClick={() => setRenaming(view)} aria-label={t('views.renameLabel', { name: view.name })}>
                  {t('views.rename')}
                </button>
                <button type="button" className="link-button" onClick={() => setDeleting(view)} aria-label={t('views.deleteLabel', { name: view.name })}>
                  {t('views.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {renaming && (
        <RenameDialog
          view={renaming}
          onClose={() => setRenaming(null)}
          onRename={(next) =>
            unwrap(atlas().views.rename({ id: renaming.id, name: next })).then((renamed) => {
              setViews((list) => (list ?? []).map((each) => (each.id === renamed.id ? renamed : each)));
              setRenaming(null);
            })
          }
          explain={explain}
        />
      )}
      {deleting && (
        <Modal open title={t('views.deleteLabel', { name: deleting.name })} onClose={() => setDeleting(null)}>
          <p>{t('views.confirmDelete', { name: deleting.name })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setDeleting(null)}>
              {t('views.keep')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                const gone = deleting;
                setDeleting(null);
                unwrap(atlas().views.remove({ id: gone.id })).then(
                  () => setViews((list) => (list ?? []).filter((each) => each.id !== gone.id)),
                  (error: unknown) => toast.show(errorText(t, error)),
                );
              }}
            >
              {t('views.delete')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}

/** One line on what a view brings back: its tier filter, organisation and years. */
function ViewSummary({ state }: { state: ViewState }) {
  const { t } = useTranslation();
  const { view, language } = useAtlas();
  const organisation = view.organisations.find((each) => each.id === state.organisation);
  const tier = view.tiers.find((each) => each.id === state.tier);
  const parts = [
    state.tier ? (tier?.label[language] ?? state.tier) : t('views.allTiers'),
    ...(organisation ? [organisation.names[language]] : []),
    t('views.years', { from: state.years[0], to: state.years[1] }),
  ];
  return <span className="views-summary">{parts.join(' · ')}</span>;
}

function RenameDialog({
  view,
  onClose,
  onRename,
  explain,
}: {
  view: SavedView;
  onClose: () => void;
  onRename: (name: string) => Promise<void>;
  explain: (error: unknown) => string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(view.name);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal open title={t('views.renameLabel', { name: view.name })} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return setProblem(t('views.errors.empty'));
          onRename(name).catch((error: unknown) => setProblem(explain(error)));
        }}
      >
        <label htmlFor="view-rename">{t('views.name')}</label>
        <input id="view-rename" type="text" value={name} maxLength={VIEW_NAME_MAX} onChange={(event) => setName(event.target.value)} aria-invalid={problem !== null} />
        {problem && (
          <p className="views-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('views.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('views.rename')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
