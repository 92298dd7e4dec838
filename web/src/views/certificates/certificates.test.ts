import { describe, expect, it } from 'vitest';
import { formatQuery, parseQuery } from '@/components/useQueryState';
import { certificatePdfUrl, certificatesPdfUrl } from '@/api/certificates';
import { certificatesQuery, certificatesRoute, certificatesSchema, codeOf, verifyRoute } from './certificates';

describe('the certificates list', () => {
  it('keeps the body and the page in the URL, defaults left out', () => {
    expect(parseQuery(certificatesSchema, {})).toEqual({ within: null, page: 1 });
    expect(parseQuery(certificatesSchema, { within: '1122', page: '3' })).toEqual({ within: 1122, page: 3 });
    expect(parseQuery(certificatesSchema, { within: 'x', page: '-1' })).toEqual({ within: null, page: 1 });
    expect(formatQuery(certificatesSchema, { within: null, page: 1 })).toEqual({});
    expect(formatQuery(certificatesSchema, { within: 1122, page: 2 })).toEqual({ within: '1122', page: '2' });
  });

  it('asks the server for the body’s subtree, or hers', () => {
    expect(certificatesQuery({ within: 1122, page: 2 }, 20)).toEqual({ organisation_id: 1122, page: 2, page_size: 20 });
    expect(certificatesQuery({ within: null, page: 1 }, 20)).toEqual({ organisation_id: undefined, page: 1, page_size: 20 });
    expect(certificatesRoute(null)).toEqual({ name: 'certificates' });
    expect(certificatesRoute(1106)).toEqual({ name: 'certificates', query: { within: '1106' } });
  });

  it('links a certificate’s public page in this app, whatever address the server prints', () => {
    const url = 'http://127.0.0.1:18614/verify/e25w6ammkpdhnxtow6cyrgdvaq';
    expect(codeOf(url)).toBe('e25w6ammkpdhnxtow6cyrgdvaq');
    expect(codeOf('https://jinguo.example.cn/verify/abc/')).toBe('abc');
    expect(codeOf('https://jinguo.example.cn/other')).toBe('');
    expect(verifyRoute(url)).toEqual({ name: 'verify', params: { code: 'e25w6ammkpdhnxtow6cyrgdvaq' } });
  });

  it('prints one certificate or several in one PDF', () => {
    expect(certificatePdfUrl(7)).toBe('/api/certificates/7.pdf');
    expect(certificatesPdfUrl([3, 1, 2])).toBe('/api/certificates.pdf?ids=3,1,2');
  });
});
