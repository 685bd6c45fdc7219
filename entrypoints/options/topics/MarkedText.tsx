/**
 * Text with its matched parts in <mark> elements. Built from text pieces by Preact (text nodes only), so page
 * text can never become markup.
 */
import type { TextPiece } from '../../../utils/topics-ui/mark-segments';

export function MarkedText({ pieces, colour }: { pieces: readonly TextPiece[]; colour: string }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.terms ? (
          <mark key={i} class="topic-mark" style={{ borderBottomColor: colour }} title={`matches ${p.terms.join(', ')}`}>
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
