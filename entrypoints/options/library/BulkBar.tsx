/** Select all matching papers, and act on the selection: tag, remove, export (or export the whole library). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTagText } from '../../../utils/library/edit-limits';
import type { ExportFormatId } from '../../../utils/export/formats';
import { EXPORT_FORMATS } from '../../../utils/export/formats';

export interface BulkBarProps {
  matching: number;
  total: number;
  selected: number;
  allMatchingSelected: boolean;
  onSelectAll: (select: boolean) => void;
  onClearSelection: () => void;
  onTag: (mode: 'add' | 'remove', tags: string[]) => Promise<void>;
  onRemoveSelected: () => void;
  onExport: (format: ExportFormatId, scope: 'selected' | 'all') => void;
  busy: boolean;
}

export function BulkBar(p: BulkBarProps) {
  const [format, setFormat] = useState<ExportFormatId>('bibtex');
  const [tagDraft, setTagDraft] = useState('');
  const [tagError, setTagError] = useState<string | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const none = p.selected === 0;

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = !p.allMatchingSelected && p.selected > 0;
  }, [p.allMatchingSelected, p.selected]);

  const tag = async (mode: 'add' | 'remove') => {
    const tags = parseTagText(tagDraft);
    if (tags.length === 0) {
      setTagError('Type a tag first.');
      return;
    }
    try {
      await p.onTag(mode, tags);
      setTagDraft('');
      setTagError(null);
    } catch (e) {
      setTagError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div class="lib-bulk" role="group" aria-label="Selection and export">
      <div class="lib-bulk-select">
        <input
          ref={selectAll}
          id="lib-select-all"
          type="checkbox"
          checked={p.allMatchingSelected && p.matching > 0}
          disabled={p.matching === 0}
          onChange={(e) => p.onSelectAll((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="lib-select-all">Select all {p.matching} matching</label>
        <span class="lib-bulk-count" aria-live="polite">
          {p.selected} selected
        </span>
        {!none && (
          <button type="button" class="ps-button ps-button-quiet" onClick={p.onClearSelection}>
            Clear selection
          </button>
        )}
      </div>
      <div class="lib-bulk-tag">
        <label for="lib-bulk-tag">Tag selected</label>
        <input
          id="lib-bulk-tag"
          type="text"
          value={tagDraft}
          placeholder="tag, another"
          aria-describedby={tagError ? 'lib-bulk-tag-error' : undefined}
          aria-invalid={tagError ? true : undefined}
          onInput={(e) => setTagDraft((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !none) {
              e.preventDefault();
              void tag('add');
            }
          }}
        />
        <button type="button" class="ps-button" disabled={none || p.busy} onClick={() => void tag('add')}>
          Add tag
        </button>
        <button type="button" class="ps-button" disabled={none || p.busy} onClick={() => void tag('remove')}>
          Remove tag
        </button>
        {tagError && (
          <p id="lib-bulk-tag-error" class="ps-error" role="alert">
            {tagError}
          </p>
        )}
      </div>
      <div class="lib-bulk-actions">
        <button type="button" class="ps-button ps-button-danger" disabled={none || p.busy} onClick={p.onRemoveSelected}>
          Remove selected
        </button>
        <label for="lib-export-format">Export format</label>
        <select id="lib-export-format" value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormatId)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label} (.{f.extension})
            </option>
          ))}
        </select>
        <button type="button" class="ps-button" disabled={none} onClick={() => p.onExport(format, 'selected')}>
          Export selected ({p.selected})
        </button>
        <button type="button" class="ps-button" disabled={p.total === 0} onClick={() => p.onExport(format, 'all')}>
          Export all ({p.total})
        </button>
      </div>
    </div>
  );
}
