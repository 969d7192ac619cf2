/** Starts a browser download of bytes or text under a file name (object URL revoked right after). */
export function downloadFile(contents: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([contents as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
