// Attachments of a submitted version (盖章扫描件): what the browser checks before sending. The server
// judges the type by the file's first bytes (an HTML file renamed .pdf is refused there, in its words).
import { fileProblem, type FileProblem, type FileRule } from './files';

/** The server refuses files over 10 MiB (413 file_too_large). */
export const attachmentRule: FileRule = { extensions: ['.pdf', '.png', '.jpg', '.jpeg'], maxBytes: 10 * 1024 * 1024 };
/** What the file picker offers. */
export const attachmentAccept = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

export const attachmentProblem = (file: { name: string; size: number }): FileProblem | null => fileProblem(file, attachmentRule);
