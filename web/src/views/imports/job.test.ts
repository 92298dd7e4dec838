import { describe, expect, it } from 'vitest';
import { commitReady, countCells, doneText, fileProblem, isWorking, leaveQuestion, jobError, mayCommit, mayDiscard, maxUploadBytes, outcomeQuery, percent, rowErrors, shownOutcome, stageOf, templatePath, templatesFor, valueText } from './job';
import type { ImportReport } from '@/api/imports';

const report = (invalid: number, valid = 3): ImportReport => ({
  sheet: '成员', header_row: 2, rows: valid + invalid, valid, invalid, created_people: 1, updated_people: 0, created_positions: 1,
  unchanged: 0, warnings: [], committed: false, bodies: [],
});

describe('the file checked before it is sent', () => {
  it('takes Excel and CSV files by extension, in any case', () => {
    expect(fileProblem({ name: '名册.xlsx', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'OLD.XLS', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'list.csv', size: 10 })).toBeNull();
    expect(fileProblem({ name: '名册.docx', size: 10 })).toBe('wrongType');
    expect(fileProblem({ name: 'xlsx', size: 10 })).toBe('wrongType');
  });

  it('refuses an empty file and one over 20 MB (the server would answer 413)', () => {
    expect(fileProblem({ name: 'a.xlsx', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'a.xlsx', size: maxUploadBytes })).toBeNull();
    expect(fileProblem({ name: 'a.xlsx', size: maxUploadBytes + 1 })).toBe('tooLarge');
  });
});

describe('a job’s state', () => {
  it('is polled while the server checks or commits', () => {
    expect(isWorking('checking')).toBe(true);
    expect(isWorking('committing')).toBe(true);
    for (const s of ['checked', 'committed', 'refused', 'failed'] as const) expect(isWorking(s)).toBe(false);
  });

  it('maps to what the page shows', () => {
    expect(stageOf({ state: 'checking' })).toBe('checking');
    expect(stageOf({ state: 'checked' })).toBe('review');
    expect(stageOf({ state: 'committing' })).toBe('committing');
    expect(stageOf({ state: 'committed' })).toBe('done');
    expect(stageOf({ state: 'refused' })).toBe('refused');
    expect(stageOf({ state: 'failed' })).toBe('failed');
  });

  it('may be committed after the dry run or a refusal, when some row is valid', () => {
    expect(mayCommit({ state: 'checked', report: report(0) })).toBe(true);
    expect(mayCommit({ state: 'refused', report: report(2) })).toBe(true);
    expect(mayCommit({ state: 'checked', report: report(2, 0) })).toBe(false);
    expect(mayCommit({ state: 'checked', report: report(2, 0) }, true)).toBe(true); // an administrator's reason
    expect(mayCommit({ state: 'committed', report: report(0) })).toBe(false);
    expect(mayCommit({ state: 'checking', report: null })).toBe(false);
  });

  it('may be discarded except while the commit runs', () => {
    expect(mayDiscard({ state: 'committing' })).toBe(false);
    expect(mayDiscard({ state: 'checked' })).toBe(true);
    expect(mayDiscard({ state: 'failed' })).toBe(true);
  });

  it('says its error in the current language', () => {
    const job = { error: { code: 'import_interrupted', message: '处理中断，请重新上传', message_en: 'interrupted; upload again' } };
    expect(jobError(job, 'zh-CN')).toBe('处理中断，请重新上传');
    expect(jobError(job, 'en')).toBe('interrupted; upload again');
    expect(jobError({ error: null }, 'zh-CN')).toBeNull();
  });
});

describe('progress', () => {
  it('is a whole percent of the rows, 0 before the sheet is read', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(3, 3)).toBe(100);
    expect(percent(4, 3)).toBe(100);
  });
});

describe('the rows filter', () => {
  it('defaults to the errors when there are some, else every row', () => {
    expect(outcomeQuery('', report(2))).toBe('error');
    expect(outcomeQuery('', report(0))).toBeUndefined();
    expect(outcomeQuery('', null)).toBeUndefined();
    expect(outcomeQuery('all', report(2))).toBeUndefined();
    expect(outcomeQuery('create', report(2))).toBe('create');
    expect(shownOutcome('', report(2))).toBe('error');
    expect(shownOutcome('', report(0))).toBe('all');
  });
});

describe('a row in words', () => {
  it('names the column of each error', () => {
    const row = {
      errors: [
        { column: '身份证号', code: 'id_number_checksum', message: '身份证号校验位错误', message_en: 'wrong check character' },
        { column: null, code: 'duplicate_in_file', message: '与第3行重复', message_en: '' },
      ],
    };
    expect(rowErrors(row, 'zh-CN')).toEqual(['身份证号：身份证号校验位错误', '与第3行重复']);
    expect(rowErrors(row, 'en')).toEqual(['身份证号: wrong check character', '与第3行重复']);
  });

  it('shows a blank value as a dash', () => {
    expect(valueText(null)).toBe('—');
    expect(valueText('')).toBe('—');
    expect(valueText('13900000000')).toBe('13900000000');
    expect(valueText(3)).toBe('3');
  });
});

describe('templates', () => {
  it('offers a roster template per body type and the people sheet; an archive its own', () => {
    const roster = templatesFor('roster').map((t) => t.kind);
    expect(roster).toContain('members:township');
    expect(roster).toContain('members:village_congress');
    expect(roster.at(-1)).toBe('people');
    expect(templatesFor('outstanding-women').map((t) => t.kind)).toEqual(['outstanding-women']);
    expect(templatesFor('social-organisations').map((t) => t.kind)).toEqual(['social-organisations']);
  });

  it('puts the kind into the path as it is', () => {
    expect(templatePath('members:village_congress')).toBe('/templates/members:village_congress');
    expect(() => templatePath('../accounts')).toThrow();
  });
});

describe('leaving the page', () => {
  it('asks while the file is sent, and after a dry run without errors that is not confirmed', () => {
    expect(leaveQuestion(true, null)).toBe('uploading');
    expect(leaveQuestion(false, { state: 'checked', report: report(0) })).toBe('unconfirmed');
    expect(leaveQuestion(false, null)).toBeNull();
  });

  it('lets her go to mend a file with errors, while the server works, and after the import', () => {
    expect(leaveQuestion(false, { state: 'checked', report: report(2) })).toBeNull();
    expect(leaveQuestion(false, { state: 'checked', report: report(0, 0) })).toBeNull();
    for (const state of ['checking', 'committing', 'committed', 'refused', 'failed'] as const) {
      expect(leaveQuestion(false, { state, report: state === 'checking' ? null : report(0) })).toBeNull();
    }
  });
});

describe('导入 in the confirmation', () => {
  it('waits, with faulty rows, for 只导入无误的行 or an administrator’s reason', () => {
    expect(commitReady(0, false, null)).toBe(true);
    expect(commitReady(2, false, null)).toBe(false);
    expect(commitReady(2, false, '  ')).toBe(false);
    expect(commitReady(2, true, null)).toBe(true);
    expect(commitReady(2, false, '换届前临时超编，区妇联已同意')).toBe(true);
  });
});

describe('the counts in words that fit what is imported', () => {
  const archive = { ...report(1), created_people: 1, created_positions: 2, updated_people: 1, created_entries: 2, updated_entries: 1 };

  it('counts a roster’s people and positions', () => {
    expect(countCells('roster', report(1)).map((c) => c.label)).toEqual(['rows', 'createdPeople', 'updatedPeople', 'createdPositions', 'updatedPositions', 'unchanged', 'invalid']);
    expect(doneText('roster', report(0))).toEqual({ key: 'imports.doneCounts', values: { people: 1, updated: 0, positions: 1, corrected: 0, unchanged: 0 } });
  });

  it('counts an archive’s entries; the women registered from their rows, but no person behind a social organisation', () => {
    expect(countCells('outstanding-women', archive).map((c) => [c.label, c.value])).toEqual([
      ['rows', 4], ['createdEntries', 2], ['updatedEntries', 1], ['registeredPeople', 1], ['unchanged', 0], ['invalid', 1],
    ]);
    expect(countCells('social-organisations', archive).map((c) => c.label)).not.toContain('registeredPeople');
    expect(doneText('outstanding-women', archive)).toEqual({ key: 'imports.doneCountsWomen', values: { created: 2, updated: 1, people: 1, unchanged: 0 } });
    expect(doneText('social-organisations', archive).key).toBe('imports.doneCountsSocial');
  });

  it('reads an archive job stored before the server counted entries from the older names', () => {
    const older = { ...report(0), created_positions: 3, updated_people: 2 };
    expect(countCells('social-organisations', older).find((c) => c.label === 'createdEntries')?.value).toBe(3);
    expect(doneText('social-organisations', older).values).toMatchObject({ created: 3, updated: 2 });
  });
});
