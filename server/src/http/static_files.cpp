#include "http/static_files.h"

#include <sys/stat.h>

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <utility>

namespace jinguo::http {

namespace {

struct Kind {
  std::string_view extension;
  const char* type;
  bool compressible;
};

// What the web build writes (vite: the page, scripts, styles, fonts, images), and a little more.
constexpr Kind kKinds[] = {
    {"html", "text/html; charset=utf-8", true},
    {"js", "text/javascript; charset=utf-8", true},
    {"mjs", "text/javascript; charset=utf-8", true},
    {"css", "text/css; charset=utf-8", true},
    {"json", "application/json; charset=utf-8", true},
    {"map", "application/json; charset=utf-8", true},
    {"webmanifest", "application/manifest+json; charset=utf-8", true},
    {"txt", "text/plain; charset=utf-8", true},
    {"svg", "image/svg+xml", true},
    {"ttf", "font/ttf", true},
    {"woff", "font/woff", false},
    {"woff2", "font/woff2", false},
    {"png", "image/png", false},
    {"jpg", "image/jpeg", false},
    {"jpeg", "image/jpeg", false},
    {"gif", "image/gif", false},
    {"webp", "image/webp", false},
    {"ico", "image/x-icon", false},
    {"wasm", "application/wasm", false},
};

Kind kind_of(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    std::string_view extension = path.substr(dot + 1);
    for (const auto& k : kKinds)
      if (k.extension == extension) return k;
  }
  return {"", "application/octet-stream", false};
}

// The path under the root that a request's (decoded) path names, or "" if it names none:
// no empty, "." or ".." segment, no hidden file, no backslash or NUL.
std::string relative_path(const std::string& path) {
  if (path.empty() || path.front() != '/') return "";
  std::string relative = path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  if (relative.find('\\') != std::string::npos || relative.find('\0') != std::string::npos) return "";
  std::size_t start = 0;
  while (start <= relative.size()) {
    std::size_t end = relative.find('/', start);
    if (end == std::string::npos) end = relative.size();
    const std::string_view segment(relative.data() + start, end - start);
    if (segment.empty() || segment.front() == '.') return "";
    start = end + 1;
  }
  return relative;
}

std::string brotli(const std::string& in) {
  std::size_t size = BrotliEncoderMaxCompressedSize(in.size());
  std::string out(size, '\0');
  if (size == 0 || !BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, in.size(),
                                          reinterpret_cast<const std::uint8_t*>(in.data()), &size,
                                          reinterpret_cast<std::uint8_t*>(out.data())))
    throw std::runtime_error("brotli compression failed");
  out.resize(size);
  return out;
}

std::string gzip(const std::string& in) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip compression failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(in.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (done != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
  return out;
}

// What a brotli or gzip text decodes to, if it decodes to exactly `expected` bytes.
bool brotli_decodes_to(const std::string& in, const std::string& expected) {
  std::string out(expected.size() + 1, '\0');  // one more: a longer text does not fit silently
  std::size_t size = out.size();
  return BrotliDecoderDecompress(in.size(), reinterpret_cast<const std::uint8_t*>(in.data()), &size,
                                 reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_DECODER_RESULT_SUCCESS &&
         size == expected.size() && std::string_view(out.data(), size) == expected;
}

bool gzip_decodes_to(const std::string& in, const std::string& expected) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return false;
  std::string out(expected.size() + 1, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int done = inflate(&stream, Z_FINISH);
  const std::size_t size = stream.total_out;
  inflateEnd(&stream);
  return done == Z_STREAM_END && stream.avail_in == 0 && size == expected.size() &&
         std::string_view(out.data(), size) == expected;
}

// The compressed form the web build wrote beside a file (web/scripts/precompress.mjs: NAME.br,
// NAME.gz), if there is one and it decodes to the file's bytes as they are now: a stale or
// foreign one is not sent, the server compresses the file itself.
std::optional<std::string> prebuilt(const std::string& path, const std::string& bytes, bool brotli) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string made{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!(brotli ? brotli_decodes_to(made, bytes) : gzip_decodes_to(made, bytes))) return std::nullopt;
  return made;
}

// FNV-1a over the bytes: the strong ETag of a file's content (with its coding).
std::string content_hash(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls `each(item)` for each comma-separated item of a header, trimmed.
template <class F>
void each_item(std::string_view header, F&& each) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    each(trimmed(header.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
}

bool etag_matches(std::string_view if_none_match, const std::string& etag) {
  bool matches = false;
  each_item(if_none_match, [&](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // If-None-Match compares weakly
    if (tag == "*" || tag == etag) matches = true;
  });
  return matches;
}

}  // namespace

struct StaticFiles::File {
  std::string path;  // on disk
  std::int64_t modified_ns = 0;
  std::int64_t size = 0;
  Kind kind;
  std::shared_ptr<const std::string> bytes;
  std::string hash;
  // Each compressed form made once, at its first request (or read from the web build's, see
  // prebuilt()); null if it is no smaller.
  std::once_flag brotli_made, gzip_made;
  std::shared_ptr<const std::string> brotli, gzip;

  enum class Coding { kBrotli, kGzip };
  std::shared_ptr<const std::string> compressed(Coding coding) {
    auto keep = [this](std::shared_ptr<const std::string>& slot, std::string made) {
      if (made.size() < bytes->size()) slot = std::make_shared<const std::string>(std::move(made));
    };
    if (coding == Coding::kBrotli) {
      std::call_once(brotli_made, [&] {
        auto made = prebuilt(path + ".br", *bytes, true);
        keep(brotli, made ? std::move(*made) : http::brotli(*bytes));
      });
      return brotli;
    }
    std::call_once(gzip_made, [&] {
      auto made = prebuilt(path + ".gz", *bytes, false);
      keep(gzip, made ? std::move(*made) : http::gzip(*bytes));
    });
    return gzip;
  }
};

AcceptedCodings accepted_codings(std::string_view accept_encoding) {
  AcceptedCodings accepted;
  each_item(accept_encoding, [&](std::string_view item) {
    const auto semicolon = item.find(';');
    const std::string_view coding = trimmed(item.substr(0, semicolon));
    bool refused = false;
    if (semicolon != std::string_view::npos) {
      std::string_view q = trimmed(item.substr(semicolon + 1));
      if (q.starts_with("q=")) {
        q.remove_prefix(2);
        refused = q.find_first_not_of("0.") == std::string_view::npos;  // q=0, q=0.0, q=0.000
      }
    }
    if (coding == "br") accepted.brotli = !refused;
    else if (coding == "gzip") accepted.gzip = !refused;
  });
  return accepted;
}

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
StaticFiles::~StaticFiles() = default;

std::shared_ptr<StaticFiles::File> StaticFiles::file(const std::string& relative) {
  const std::string full = (root_ / relative).string();
  struct stat st {};
  if (::stat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  const std::int64_t modified_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  {
    std::lock_guard lock(mutex_);
    if (auto it = files_.find(relative);
        it != files_.end() && it->second->modified_ns == modified_ns && it->second->size == st.st_size)
      return it->second;
  }
  std::ifstream in(full, std::ios::binary);
  if (!in) return nullptr;
  auto made = std::make_shared<File>();
  made->path = full;
  made->modified_ns = modified_ns;
  made->size = st.st_size;
  made->kind = kind_of(relative);
  made->bytes = std::make_shared<const std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  made->hash = content_hash(*made->bytes);
  std::lock_guard lock(mutex_);
  files_[relative] = made;
  return made;
}

bool StaticFiles::serve(const std::string& path, const httplib::Request& req, httplib::Response& res,
                        const httplib::Headers& headers) {
  const std::string relative = relative_path(path);
  if (relative.empty()) return false;
  auto found = file(relative);
  if (!found) return false;

  std::shared_ptr<const std::string> body = found->bytes;
  const char* coding = nullptr;
  if (found->kind.compressible && !body->empty()) {
    const AcceptedCodings accepted = accepted_codings(req.get_header_value("Accept-Encoding"));
    std::shared_ptr<const std::string> made;
    if (accepted.brotli && (made = found->compressed(File::Coding::kBrotli))) {
      body = made;
      coding = "br";
    } else if (accepted.gzip && (made = found->compressed(File::Coding::kGzip))) {
      body = made;
      coding = "gzip";
    }
    res.set_header("Vary", "Accept-Encoding");
  }
  const std::string etag = "\"" + found->hash + (coding ? std::string("-") + coding : std::string()) + "\"";
  for (const auto& [name, value] : headers) res.set_header(name, value);
  res.set_header("ETag", etag);
  if (etag_matches(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return true;
  }
  if (coding) res.set_header("Content-Encoding", coding);
  if (body->empty()) {
    res.set_header("Content-Type", found->kind.type);
    return true;
  }
  // Status left to httplib: 200, or 206 for a Range (of the bytes sent).
  res.set_content_provider(body->size(), found->kind.type,
                           [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             return sink.write(body->data() + offset, length);
                           });
  return true;
}

}  // namespace jinguo::http
