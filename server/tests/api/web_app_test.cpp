// The built web app as the server hands it out: the files in assets/ (named by their content's
// hash) kept by the browser for good; the page itself and the API asked for each time; each
// file compressed as the browser accepts it (brotli, gzip, or not), made once and kept
// (http/static_files.h), with its length, Vary and an ETag that answers 304; a file missing
// from assets/ is a 404, any other unknown path the page (the app's own routes). The web
// build's own compressed files (NAME.br, NAME.gz) are sent when they decode to the file.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <fstream>

#include "api_client.h"

namespace {

using namespace jinguo::api_test;
namespace fs = std::filesystem;

std::string header(const httplib::Result& r, const std::string& name) {
  return r ? r->get_header_value(name.c_str()) : "(no answer)";
}

// Brotli at the lowest quality and gzip at level 1: not what the server would make (11, 9), so
// that a body equal to them was read from the file.
std::string quick_brotli(const std::string& in) {
  std::size_t size = BrotliEncoderMaxCompressedSize(in.size());
  std::string out(size, '\0');
  EXPECT_TRUE(BrotliEncoderCompress(0, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, in.size(),
                                    reinterpret_cast<const std::uint8_t*>(in.data()), &size,
                                    reinterpret_cast<std::uint8_t*>(out.data())));
  out.resize(size);
  return out;
}

std::string quick_gzip(const std::string& in) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(in.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

class WebAppTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("jinguo-web-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "site" / "assets");
    std::ofstream(root_ / "site" / "index.html")
        << "<!doctype html><title>巾帼</title><script src=\"/assets/index-Ab12.js\"></script>";
    for (int i = 0; i < 200; ++i) script_ += "console.log('巾帼 " + std::to_string(i) + "');\n";
    std::ofstream(root_ / "site" / "assets" / "index-Ab12.js") << script_;
    std::ofstream(root_ / "site" / "assets" / "logo-Cd34.png") << std::string(300, '\x89');
    // compressed by the web build: one right, one of another file's content
    std::ofstream(root_ / "site" / "assets" / "built-Ef56.js") << script_;
    std::ofstream(root_ / "site" / "assets" / "built-Ef56.js.br") << quick_brotli(script_);
    std::ofstream(root_ / "site" / "assets" / "built-Ef56.js.gz") << quick_gzip(script_);
    std::ofstream(root_ / "site" / "assets" / "stale-Gh78.js") << script_;
    std::ofstream(root_ / "site" / "assets" / "stale-Gh78.js.br") << quick_brotli(script_ + "// before\n");
    std::ofstream(root_ / "site" / "assets" / "stale-Gh78.js.gz") << "not gzip at all";
    std::ofstream(root_ / "secret.txt") << "outside the web root";
    const std::string url = jinguo::test_support::fresh_database_url();
    ASSERT_EQ(run({JINGUO_BINARY, "migrate", "--database", url}), 0);
    server_ = std::make_unique<Server>(url, std::vector<std::string>{"--web-root", (root_ / "site").string()});
  }
  static void TearDownTestSuite() {
    server_.reset();
    fs::remove_all(root_);
  }
  // A client that hands the body over as it came (compressed or not).
  static httplib::Client raw() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_decompress(false);
    return c;
  }
  static httplib::Client decompressing() { return httplib::Client("127.0.0.1", server_->port()); }

  static inline fs::path root_;
  static inline std::string script_;
  static inline std::unique_ptr<Server> server_;
};

TEST_F(WebAppTest, HashedAssetsAreKeptForGoodThePageAndTheApiAreNot) {
  auto c = decompressing();
  // as a browser asks: brotli and gzip accepted
  const httplib::Headers browser{{"Accept-Encoding", "gzip, deflate, br"}};

  auto asset = c.Get("/assets/index-Ab12.js", browser);
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->status, 200);
  EXPECT_EQ(header(asset, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(asset, "X-Content-Type-Options"), "nosniff");  // the security headers stay
  EXPECT_EQ(header(asset, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset->body, script_);

  for (const char* path : {"/", "/index.html", "/organisations/1"}) {
    auto page = c.Get(path, browser);
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(page->status, 200) << path;
    EXPECT_EQ(header(page, "Cache-Control"), "") << path << ": the page must name the newest assets";
    EXPECT_EQ(header(page, "Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(page->body.find("<title>巾帼</title>"), std::string::npos) << path;
  }
  // a file missing from assets/ is missing; any other unknown path is a page of the app
  for (const char* path : {"/assets/index-Zz99.js", "/assets/", "/assets/sub/index-Ab12.js", "/assets/.hidden"}) {
    auto missing = c.Get(path, browser);
    ASSERT_TRUE(missing) << path;
    EXPECT_EQ(missing->status, 404) << path;
    EXPECT_EQ(missing->body.find("<!doctype html>"), std::string::npos) << path;
    EXPECT_EQ(header(missing, "Cache-Control"), "") << path << ": not kept for good";
  }
  for (const char* path : {"/assets", "/people/7/edit", "/assetsx/a.js"}) {
    auto page = c.Get(path, browser);
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(page->status, 200) << path;
    EXPECT_NE(page->body.find("<title>巾帼</title>"), std::string::npos) << path;
  }
  auto head = c.Head("/assets/index-Zz99.js");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 404);

  auto api = c.Get("/api/health", browser);
  ASSERT_TRUE(api);
  EXPECT_EQ(header(api, "Cache-Control").find("immutable"), std::string::npos);
}

TEST_F(WebAppTest, EachFileIsSentAsTheBrowserAcceptsItCompressedOnce) {
  struct Case {
    const char* accept_encoding;
    const char* content_encoding;  // "" for the bytes as they are
  };
  const Case cases[] = {
      {"gzip, deflate, br", "br"}, {"br", "br"},         {"gzip", "gzip"}, {"gzip, br;q=0", "gzip"},
      {"deflate", ""},             {"identity", ""},     {"", ""},         {"br;q=0, gzip;q=0.0", ""},
  };
  auto c = raw();
  for (const auto& k : cases) {
    httplib::Headers asks;
    if (*k.accept_encoding) asks.emplace("Accept-Encoding", k.accept_encoding);
    for (int twice = 0; twice < 2; ++twice) {  // the second from what was kept
      auto r = c.Get("/assets/index-Ab12.js", asks);
      ASSERT_TRUE(r) << k.accept_encoding;
      EXPECT_EQ(r->status, 200) << k.accept_encoding;
      EXPECT_EQ(header(r, "Content-Encoding"), k.content_encoding) << k.accept_encoding;
      EXPECT_EQ(header(r, "Vary"), "Accept-Encoding") << k.accept_encoding;
      EXPECT_EQ(header(r, "Content-Length"), std::to_string(r->body.size())) << k.accept_encoding;
      if (*k.content_encoding) EXPECT_LT(r->body.size(), script_.size() / 4) << k.accept_encoding;
      else EXPECT_EQ(r->body, script_) << k.accept_encoding;
    }
  }
  // what the browser gets back decompressed is the file
  auto d = decompressing();
  for (const char* accepts : {"br", "gzip"}) {
    auto r = d.Get("/assets/index-Ab12.js", {{"Accept-Encoding", accepts}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, script_) << accepts;
  }
  // an image is sent as it is, whatever the browser accepts
  auto image = c.Get("/assets/logo-Cd34.png", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(image);
  EXPECT_EQ(header(image, "Content-Type"), "image/png");
  EXPECT_EQ(header(image, "Content-Encoding"), "");
  EXPECT_EQ(image->body, std::string(300, '\x89'));
}

// The web build's compressed files are sent as they are when they decode to the file; one that
// decodes to something else (left from an earlier build), or not at all, is not sent.
TEST_F(WebAppTest, TheWebBuildsCompressedFilesAreSentWhenTheyAreTheFile) {
  auto c = raw();
  auto built = c.Get("/assets/built-Ef56.js", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(built);
  EXPECT_EQ(header(built, "Content-Encoding"), "br");
  EXPECT_EQ(built->body, quick_brotli(script_));
  auto built_gzip = c.Get("/assets/built-Ef56.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(built_gzip);
  EXPECT_EQ(header(built_gzip, "Content-Encoding"), "gzip");
  EXPECT_EQ(built_gzip->body, quick_gzip(script_));

  auto d = decompressing();
  for (const char* accepts : {"br", "gzip"}) {
    auto stale = d.Get("/assets/stale-Gh78.js", {{"Accept-Encoding", accepts}});
    ASSERT_TRUE(stale) << accepts;
    EXPECT_EQ(stale->status, 200) << accepts;
    EXPECT_EQ(stale->body, script_) << accepts;
  }
  auto stale = c.Get("/assets/stale-Gh78.js", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(stale);
  EXPECT_NE(stale->body, quick_brotli(script_ + "// before\n"));
}

TEST_F(WebAppTest, AnETagAnswers304AndHeadSendsTheLengthAlone) {
  auto c = raw();
  const httplib::Headers brotli{{"Accept-Encoding", "br"}}, plain{};
  auto first = c.Get("/assets/index-Ab12.js", brotli);
  auto as_is = c.Get("/assets/index-Ab12.js", plain);
  ASSERT_TRUE(first);
  ASSERT_TRUE(as_is);
  const std::string etag = header(first, "ETag");
  EXPECT_EQ(etag.front(), '"');
  EXPECT_NE(etag, header(as_is, "ETag")) << "each coding of a file has its own tag";

  auto again = c.Get("/assets/index-Ab12.js", {{"Accept-Encoding", "br"}, {"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(header(again, "ETag"), etag);
  auto other = c.Get("/assets/index-Ab12.js", {{"If-None-Match", etag}});  // asks for another coding
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);

  auto head = c.Head("/assets/index-Ab12.js", brotli);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(header(head, "Content-Length"), std::to_string(first->body.size()));
  EXPECT_EQ(header(head, "Content-Encoding"), "br");
}

TEST_F(WebAppTest, AFileChangedOnDiskIsSentAnewAndNothingOutsideTheRoot) {
  auto c = decompressing();
  const std::string page = "<!doctype html><title>巾帼 2</title><p>" + std::string(100, 'x') + "</p>";
  std::ofstream(root_ / "site" / "index.html") << page;  // another size: read again
  for (const char* accepts : {"br", ""}) {
    auto r = c.Get("/", {{"Accept-Encoding", accepts}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, page) << accepts;
  }
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/.%2e/secret.txt"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->body.find("outside the web root"), std::string::npos) << path;
  }
}

}  // namespace
