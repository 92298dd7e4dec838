import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN';
import en from './en';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return vueFiles(full);
    return name.endsWith('.vue') ? [full] : [];
  });
}

describe('locales', () => {
  it('have the same keys in both languages', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zhCN as Tree).sort());
  });

  it('leave no Chinese text in components (except the language names)', () => {
    const src = path.resolve(__dirname, '..');
    const offenders = vueFiles(src).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /[\u4e00-\u9fff]/.test(line.replace('中文', '')) && !line.trim().startsWith('//'))
        .map((line) => `${path.relative(src, file)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
