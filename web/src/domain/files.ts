// A file chosen to send: the quick check in the browser before the upload (by name and size: the
// server judges the content and has the last word), and a size in words. Pure (files.test.ts).

export type FileProblem = 'empty' | 'tooLarge' | 'wrongType';

export interface FileRule {
  /** lower-case, with the dot: ['.pdf', '.png'] */
  extensions: readonly string[];
  maxBytes: number;
}

/** Why a chosen file cannot be sent, or null. */
export function fileProblem(file: { name: string; size: number }, rule: FileRule): FileProblem | null {
  const name = file.name.toLowerCase();
  if (!rule.extensions.some((ext) => name.endsWith(ext))) return 'wrongType';
  if (file.size === 0) return 'empty';
  if (file.size > rule.maxBytes) return 'tooLarge';
  return null;
}

/** "12 KB", "3.5 MB": a size as a clerk reads it (at least 1 KB). */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
