import { basename } from 'node:path';
import type { AtlasView, Handlers, Language } from '../../shared/contract';
import { DATA_SOURCES } from '../../shared/dataSources';
import { atlasDataCsv, atlasDataGeoJson, atlasDataRows, type DataAttribution } from '../../shared/exports/atlasData';
import { bibtexCitation, plainCitation, type CitedSource } from '../../shared/exports/citation';
import { translate } from '../../shared/i18n';
import type { Dialogs, SystemClipboard } from '../ports';
import { writeAtlasDataFile } from '../store/atlasDataExport';
import type { Store } from '../store/openStore';
import { HandlerError } from './invoke';

export interface DataHandlerDeps {
  store: Store;
  /** The atlas as it is now: the export and the citations are made from main's own model. */
  atlas: () => AtlasView;
  dialogs: Dialogs;
  clipboard: SystemClipboard;
  language: () => Language;
  now?: () => Date;
}

/** What the GeoJSON credits besides the atlas's sources: the names and the capitals' positions. */
const DATA_SETS_USED: Record<string, string> = {
  'world-countries': 'country ids and names',
  geonames: 'capital positions (feature geometry)',
};

/** Handlers for taking the atlas's data away: File › Export Atlas Data, and a passage's citation. */
export function createDataHandlers(deps: DataHandlerDeps): Pick<Handlers, 'data'> {
  const now = deps.now ?? (() => new Date());
  const t = (key: string, values?: Record<string, string | number>) => translate(deps.language(), key, values);

  const citedSource = (sourceId: string): CitedSource => {
    const source = deps.atlas().model.sources.find((each) => each.id === sourceId);
    if (!source) throw new HandlerError('not-found', 'That passage has no source in the atlas.');
    if (!source.imported) return { id: source.id, title: source.title, author: source.author, licence: source.licence };
    // An imported document is cited as the user named it, with when and from which file it came.
    const stored = deps.store.read().sources.find((each) => each.id === source.id);
    return {
      id: source.id,
      title: stored?.title ?? source.title,
      author: stored?.attribution ?? source.author,
      licence: '',
      ...(stored ? { imported: { at: stored.importedAt, fileName: stored.fileName } } : {}),
    };
  };

  return {
    data: {
      async export({ format }) {
        const day = now().toISOString().slice(0, 10);
        const path = await deps.dialogs.saveFile({
          title: t('atlasData.chooseFile'),
          defaultName: `${t('atlasData.fileStem')} ${day}.${format}`,
          extensions: [format],
        });
        if (path === null) return null;
        const { model } = deps.atlas();
        const rows = atlasDataRows(model, deps.store.read().overrides);
        if (format === 'csv') {
          await writeAtlasDataFile(path, atlasDataCsv(rows));
        } else {
          const attribution: DataAttribution[] = [
            ...model.sources.map((source) => ({ title: source.title, author: source.author, licence: source.licence, usedFor: 'passages, tiers and tensions' })),
            ...DATA_SOURCES.filter((source) => source.id in DATA_SETS_USED).map((source) => ({
              title: source.title,
              author: source.author,
              licence: source.licence,
              usedFor: DATA_SETS_USED[source.id]!,
            })),
          ];
          await writeAtlasDataFile(path, atlasDataGeoJson(rows, { generated: now(), attribution }));
        }
        return { fileName: basename(path), countries: rows.length };
      },
      copyCitation({ passageId, format }) {
        const passage = deps.atlas().model.passages.find((each) => each.id === passageId);
        if (!passage) throw new HandlerError('not-found', 'That passage is not in the atlas.');
        const source = citedSource(passage.sourceId);
        const text =
          format === 'bibtex'
            ? bibtexCitation(source, now())
            : plainCitation(source, passage, now(), {
                imported: (date, fileName) => t('citation.imported', { date, fileName }),
                cited: (date) => t('citation.cited', { date }),
              });
        try {
          deps.clipboard.writeText(text);
        } catch (error) {
          throw new HandlerError('failed', `The citation could not be copied: ${error instanceof Error ? error.message : String(error)}`);
        }
        return text;
      },
    },
  };
}
