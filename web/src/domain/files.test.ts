import { describe, expect, it } from 'vitest';
import { fileProblem, sizeText } from './files';
import { attachmentProblem, attachmentRule } from './attachments';

describe('a file chosen to send', () => {
  it('is judged by its name and size against the rule', () => {
    const rule = { extensions: ['.csv'], maxBytes: 100 };
    expect(fileProblem({ name: 'A.CSV', size: 100 }, rule)).toBeNull();
    expect(fileProblem({ name: 'a.csv', size: 101 }, rule)).toBe('tooLarge');
    expect(fileProblem({ name: 'a.csv', size: 0 }, rule)).toBe('empty');
    expect(fileProblem({ name: 'a.txt', size: 10 }, rule)).toBe('wrongType');
  });

  it('as an attachment: a PDF, PNG or JPEG by its name, up to 10 MiB; its content is the server’s to judge', () => {
    for (const name of ['盖章扫描件.pdf', 'scan.PNG', 'photo.jpg', 'photo.JPEG']) expect(attachmentProblem({ name, size: 1000 })).toBeNull();
    expect(attachmentProblem({ name: '说明.docx', size: 1000 })).toBe('wrongType');
    expect(attachmentProblem({ name: 'page.html', size: 1000 })).toBe('wrongType');
    // an HTML file renamed .pdf passes here: the server reads its first bytes and refuses it
    expect(attachmentProblem({ name: 'page.pdf', size: 1000 })).toBeNull();
    expect(attachmentProblem({ name: 'scan.pdf', size: 0 })).toBe('empty');
    expect(attachmentRule.maxBytes).toBe(10 * 1024 * 1024);
    expect(attachmentProblem({ name: 'scan.pdf', size: 10 * 1024 * 1024 })).toBeNull();
    expect(attachmentProblem({ name: 'scan.pdf', size: 10 * 1024 * 1024 + 1 })).toBe('tooLarge');
  });

  it('has its size in words', () => {
    expect([10, 1024, 12 * 1024, 1024 * 1024, 3.5 * 1024 * 1024].map(sizeText)).toEqual(['1 KB', '1 KB', '12 KB', '1.0 MB', '3.5 MB']);
  });
});
