import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { AtlasView, CountrySummary, Handlers, ImportPreview, Language, NoteView } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import type { MarkdownLabels } from '../../shared/notes/exportMarkdown';
import type { ImportPlan } from '../../shared/notes/importNotes';
import { attachNotes } from '../../shared/notes/operations';
import type { Dialogs } from '../ports';
import { exportJsonToFile, exportMarkdownToFile, exportMarkdownToFolder, applyImport, planImportFile } from '../store/notesExportImport';
import { createNotesRepository } from '../store/notesRepository';
import type { Store } from '../store/openStore';
import { HandlerError } from './invoke';
import { OVERRIDABLE_TIERS } from './overrides';

export interface NotesHandlerDeps {
  store: Store;
  /** The atlas as it is now: passage notes are placed against its passages. */
  atlas: () => AtlasView;
  countries: readonly CountrySummary[];
  dialogs: Dialogs;
  language: () => Language;
  now?: () => Date;
}

/** Handlers for notes: writing them, and exporting and importing them (with the tier overrides) as files. */
export function createNotesHandlers(deps: NotesHandlerDeps): Pick<Handlers, 'notes'> {
  const now = deps.now ?? (() => new Date());
  const notes = createNotesRepository(deps.store, { now });
  // Rebuilt only when the atlas changes (a source imported, turned on or off, or removed).
  let placedFor: { view: AtlasView; text: Map<string, string> } | null = null;
  const current = () => {
    const view = deps.atlas();
    if (placedFor?.view !== view) placedFor = { view, text: new Map(view.model.passages.map((passage) => [passage.id, passage.text])) };
    return placedFor;
  };
  const names = new Map(deps.countries.map((country) => [country.id, country.name]));
  const tierLabels = new Map<string, { en: string; ko: string }>(deps.atlas().model.tiers.map((tier) => [tier.id, tier.label]));
  let pending: { token: string; plan: ImportPlan } | null = null;

  const t = (key: string) => translate(deps.language(), key);
  const day = () => now().toISOString().slice(0, 10);
  const markdownOptions = () => {
    const language = deps.language();
    const labels: MarkdownLabels = {
      title: t('notes.export.title'),
      note: t('notes.export.note'),
      pinned: t('notes.pinned'),
      created: t('notes.export.created'),
      updated: t('notes.export.updated'),
      tags: t('notes.tags'),
      passage: t('notes.export.passage'),
      yourTier: t('notes.override.yours'),
    };
    return {
      countryName: (id: string) => names.get(id)?.[language] ?? id,
      tierName: (id: string) => tierLabels.get(id)?.[language] ?? id,
      labels,
    };
  };

  return {
    notes: {
      list: (filter): NoteView[] => attachNotes(notes.list(filter ?? {}), current().text),
      create(input) {
        // A passage note keeps the passage as the atlas has it, whatever the caller sent.
        const passageText = current().text;
        const target =
          input.target.kind === 'passage' && passageText.has(input.target.passageId)
            ? { ...input.target, passageText: passageText.get(input.target.passageId) ?? input.target.passageText }
            : input.target;
        return notes.create({ ...input, target });
      },
      update: ({ id, patch }) => notes.update(id, patch),
      remove: ({ id }) => notes.delete(id),
      restore: ({ note }) => notes.restore(note),
      tags: () => notes.tags(),
      async exportAll({ format }) {
        const stem = `${t('notes.export.fileStem')} — ${day()}`;
        if (format === 'markdown-folder') {
          const folder = await deps.dialogs.chooseFolder({ title: t('notes.export.chooseFolder') });
          return folder === null ? null : { written: await exportMarkdownToFolder(deps.store, folder, markdownOptions()) };
        }
        const json = format === 'json';
        const path = await deps.dialogs.saveFile({
          title: t('notes.export.chooseFile'),
          defaultName: `${stem}.${json ? 'json' : 'md'}`,
          extensions: [json ? 'json' : 'md'],
        });
        if (path === null) return null;
        if (json) await exportJsonToFile(deps.store, path, now());
        else await exportMarkdownToFile(deps.store, path, markdownOptions());
        return { written: [path] };
      },
      async previewImport(): Promise<ImportPreview | null> {
        const path = await deps.dialogs.openFile({ title: t('notes.import.chooseFile'), extensions: ['json'] });
        if (path === null) return null;
        const plan = await planImportFile(deps.store, path, { tierIds: OVERRIDABLE_TIERS });
        pending = { token: randomUUID(), plan };
        const count = <T>(bucket: { added: T[]; updated: unknown[]; unchanged: T[]; conflicts: unknown[] }) => ({
          added: bucket.added.length,
          updated: bucket.updated.length,
          unchanged: bucket.unchanged.length,
          conflicts: bucket.conflicts.length,
        });
        const sample = [
          ...plan.notes.added.map((note) => ({ note, change: 'added' as const })),
          ...plan.notes.updated.map(({ incoming }) => ({ note: incoming, change: 'updated' as const })),
        ]
          .slice(0, 20)
          .map(({ note, change }) => ({ countryId: note.target.countryId, excerpt: note.body.slice(0, 160), change }));
        return {
          token: pending.token,
          fileName: basename(path),
          exportedAt: plan.exportedAt,
          notes: count(plan.notes),
          overrides: count(plan.overrides),
          sample,
        };
      },
      async applyImport({ token }) {
        if (!pending || pending.token !== token) throw new HandlerError('not-found', 'That import preview is no longer current.');
        const { plan } = pending;
        pending = null;
        return applyImport(deps.store, plan);
      },
    },
  };
}
