// Saves bytes under a chosen file name. Going through a Blob URL keeps the name even when the link is cross-origin
// (a SAS link on the blob endpoint), where browsers ignore <a download>.
export function saveBytes(bytes: ArrayBuffer, fileName: string, contentType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by the next task; the URL is no longer needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
