/**
 * Save text as a file from an extension page, without the `downloads` permission: a Blob, an object URL and a
 * temporary <a download>. Needs a document (options page), so it is kept apart from the pure modules.
 */
export function downloadText(text: string, fileName: string, mime: string, doc: Document = document): void {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The click starts the download synchronously from the URL; revoke later so slow browsers still read it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
