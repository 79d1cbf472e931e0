import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationFormat } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';
import { errorText } from '../notes/errorText';
import { useToast } from '../ui/Toasts';

/**
 * "Copy citation" on a passage: plain text (the excerpt and its source's attribution) or a BibTeX
 * entry of its source. Main builds the citation from its own atlas and puts it on the clipboard, as
 * the window may not write the clipboard itself; the toast says it was copied.
 */
export function CopyCitation({ passageId }: { passageId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const menu = useRef<HTMLDetailsElement>(null);
  const copy = (format: CitationFormat) => {
    unwrap(atlas().data.copyCitation({ passageId, format })).then(
      () => {
        toast.show(format === 'bibtex' ? t('citation.copiedBibtex') : t('citation.copied'));
        if (menu.current) menu.current.open = false;
      },
      (error: unknown) => toast.show(errorText(t, error)),
    );
  };
  return (
    <details ref={menu} className="copy-citation">
      <summary className="link-button">{t('citation.copy')}</summary>
      <span className="copy-citation-choices">
        <button type="button" className="link-button" onClick={() => copy('text')}>
          {t('citation.copyText')}
        </button>
        <button type="button" className="link-button" onClick={() => copy('bibtex')}>
          {t('citation.copyBibtex')}
        </button>
      </span>
    </details>
  );
}
