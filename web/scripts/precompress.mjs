// Writes NAME.br (brotli, quality 11) and NAME.gz (gzip, level 9) beside each text file of the
// build (dist/), the forms the server sends to browsers that accept them: the server reads them
// instead of compressing each file at its first request (Element Plus's chunk took ~1 s), and
// sends one only if it decodes to the file (server/src/http/static_files.cpp). A compressed
// form no smaller than the file is not written. Run by `npm run build` after vite.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The kinds the server compresses (kKinds in static_files.cpp).
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.txt', '.svg', '.ttf']);
const root = path.resolve(process.argv[2] ?? 'dist');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

let written = 0;
let before = 0;
let after = 0;
for (const file of [...files(root)]) {
  if (!compressible.has(path.extname(file))) continue;
  const bytes = readFileSync(file);
  const forms = {
    '.br': brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    '.gz': gzipSync(bytes, { level: 9 }),
  };
  for (const [extension, made] of Object.entries(forms)) {
    rmSync(file + extension, { force: true });
    if (made.length >= bytes.length) continue;
    writeFileSync(file + extension, made);
    written++;
  }
  before += bytes.length;
  after += forms['.br'].length < bytes.length ? forms['.br'].length : bytes.length;
}
console.log(`precompress: ${written} files written, ${(before / 1024).toFixed(0)} KiB of text, ${(after / 1024).toFixed(0)} KiB in brotli`);
