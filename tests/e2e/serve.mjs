// A tiny static file server for the built app (dist/), bound to 127.0.0.1 only. Used by the
// end-to-end tests and the report; no dependencies, so it runs wherever Node does. With
// `{ gzip: true }` it compresses what a browser accepts compressed, as a real site would (the
// report's Lighthouse run).
//   node tests/e2e/serve.mjs <dir> <port>
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

// The app is also served under a sub-path, as a partner site would host it, beside the
// example host pages of the repository.
const EXAMPLES = resolve(new URL('../../examples', import.meta.url).pathname);

function locate(root, pathname) {
  if (pathname.startsWith('/examples/')) return [EXAMPLES, pathname.slice('/examples'.length)];
  if (pathname.startsWith('/sub/homeward/')) return [root, pathname.slice('/sub/homeward'.length)];
  return [root, pathname];
}

export function startServer(dir, port, host = '127.0.0.1', { gzip = false } = {}) {
  const dist = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${host}`);
      const [root, pathname] = locate(dist, decodeURIComponent(url.pathname));
      let path = normalize(join(root, pathname));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      let body = await readFile(path);
      const headers = {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [dir = 'dist', port = '4173'] = process.argv.slice(2);
  const server = await startServer(dir, Number(port));
  const { port: actual } = server.address();
  console.log(`Serving ${resolve(dir)} on http://127.0.0.1:${actual}/`);
}
