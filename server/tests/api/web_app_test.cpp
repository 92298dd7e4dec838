// The built web app as the server hands it out: the files in assets/ (named by their content's
// hash) kept by the browser for good; the page itself and the API asked for each time.
#include <fstream>

#include "api_client.h"

namespace {

using namespace jinguo::api_test;
namespace fs = std::filesystem;

std::string header(const httplib::Result& r, const std::string& name) {
  return r ? r->get_header_value(name.c_str()) : "(no answer)";
}

TEST(WebAppTest, HashedAssetsAreKeptForGoodThePageAndTheApiAreNot) {
  const auto root = fs::temp_directory_path() / ("jinguo-web-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<!doctype html><title>巾帼</title><script src=\"/assets/index-Ab12.js\"></script>";
  std::ofstream(root / "assets" / "index-Ab12.js") << "console.log('巾帼');";
  const std::string url = jinguo::test_support::fresh_database_url();
  ASSERT_EQ(run({JINGUO_BINARY, "migrate", "--database", url}), 0);
  {
    Server server(url, {"--web-root", root.string()});
    httplib::Client c("127.0.0.1", server.port());
    // as a browser asks: brotli and gzip accepted
    const httplib::Headers browser{{"Accept-Encoding", "gzip, deflate, br"}};

    auto asset = c.Get("/assets/index-Ab12.js", browser);
    ASSERT_TRUE(asset);
    EXPECT_EQ(asset->status, 200);
    EXPECT_EQ(header(asset, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(header(asset, "X-Content-Type-Options"), "nosniff");  // the security headers stay

    for (const char* path : {"/", "/index.html", "/organisations/1"}) {
      auto page = c.Get(path, browser);
      ASSERT_TRUE(page) << path;
      EXPECT_EQ(page->status, 200) << path;
      EXPECT_EQ(header(page, "Cache-Control"), "") << path << ": the page must name the newest assets";
    }
    auto api = c.Get("/api/health", browser);
    ASSERT_TRUE(api);
    EXPECT_EQ(header(api, "Cache-Control").find("immutable"), std::string::npos);
  }
  fs::remove_all(root);
}

}  // namespace
