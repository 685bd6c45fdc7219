import { textNodesOf } from '../../../../utils/hf/dom';

/**
 * An element's text as the readers see it (whitespace collapsed and trimmed, like `textOf`), with a way back from
 * offsets in that string to DOM positions, so matched words can be marked without touching HF's markup.
 */
export interface MappedElementText {
  text: string;
  /** DOM ranges for [start, end) offsets into `text`; null when the offsets fall outside it. */
  range(start: number, end: number): AbstractRange | null;
}

export function mapElementText(el: Element): MappedElementText {
  const nodes: Text[] = [];
  const nodeOf: number[] = []; // collapsed index → index into nodes
  const offsetOf: number[] = []; // collapsed index → offset in that node
  let text = '';
  let pendingSpace: [number, number] | null = null; // first whitespace of a run, emitted only before more text
  for (const node of textNodesOf(el)) {
    const n = nodes.push(node) - 1;
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      if (/\s/.test(data[i]!)) {
        if (text !== '' && !pendingSpace) pendingSpace = [n, i];
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        nodeOf.push(pendingSpace[0]);
        offsetOf.push(pendingSpace[1]);
        pendingSpace = null;
      }
      text += data[i];
      nodeOf.push(n);
      offsetOf.push(i);
    }
  }
  return {
    text,
    range(start, end) {
      if (start < 0 || end > text.length || start >= end) return null;
      const last = end - 1;
      return staticRange(nodes[nodeOf[start]!]!, offsetOf[start]!, nodes[nodeOf[last]!]!, offsetOf[last]! + 1);
    },
  };
}

/**
 * A StaticRange where the engine has one: a live Range is kept up to date by the document on every later DOM change,
 * so a thousand word marks would tax every mutation the page makes (and cost several times more to create).
 * Highlights take either; a mark whose text the page replaces is dropped when the card is painted again.
 */
function staticRange(startContainer: Text, startOffset: number, endContainer: Text, endOffset: number): AbstractRange {
  if (typeof StaticRange === 'function') return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
  const range = document.createRange();
  range.setStart(startContainer, startOffset);
  range.setEnd(endContainer, endOffset);
  return range;
}
