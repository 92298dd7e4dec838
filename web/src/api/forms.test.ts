import { describe, expect, it } from 'vitest';
import { buildUrl } from './http';
import { formDownload, formQuery } from './forms';
import { documentTitle } from '@/components/useDocumentTitle';

describe('the form requests', () => {
  it('leave out what the server defaults (her organisation, today, the campaign baseline)', () => {
    expect(buildUrl('/forms/4', formQuery({ within: null, on: '', baseline: '' }))).toBe('/api/forms/4');
    expect(buildUrl('/forms/4', formQuery({ within: 3, on: '2016-09-20', baseline: '2016-06-01' }))).toBe(
      '/api/forms/4?within=3&on=2016-09-20&baseline=2016-06-01',
    );
  });

  it('download the form shown, form 3’s full mobiles only when asked', () => {
    const scope = { within: 3, on: '2016-09-20', baseline: '' };
    const xlsx = formDownload(4, scope, 'xlsx', false);
    expect(buildUrl(xlsx.path, xlsx.query)).toBe('/api/forms/4.xlsx?within=3&on=2016-09-20');
    const pdf = formDownload(3, scope, 'pdf', true);
    expect(buildUrl(pdf.path, pdf.query)).toBe('/api/forms/3.pdf?within=3&on=2016-09-20&full=true');
    expect(pdf.fallbackName).toBe('附表3.pdf');
  });

  it('title the browser tab after the page', () => {
    expect(documentTitle('附表4 扩大基层妇联组织成员情况统计表', '巾帼')).toBe('附表4 扩大基层妇联组织成员情况统计表 · 巾帼');
    expect(documentTitle('', '巾帼')).toBe('巾帼');
  });
});
