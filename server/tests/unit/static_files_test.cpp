// Which compressed forms a browser accepts (http/static_files.h): from its Accept-Encoding.
#include <gtest/gtest.h>

#include "http/static_files.h"

namespace {

struct Case {
  const char* accept_encoding;
  bool brotli, gzip;
};

class AcceptedCodingsTest : public ::testing::TestWithParam<Case> {};

TEST_P(AcceptedCodingsTest, ReadsTheHeader) {
  const Case& c = GetParam();
  const auto accepted = jinguo::http::accepted_codings(c.accept_encoding);
  EXPECT_EQ(accepted.brotli, c.brotli) << c.accept_encoding;
  EXPECT_EQ(accepted.gzip, c.gzip) << c.accept_encoding;
}

INSTANTIATE_TEST_SUITE_P(Headers, AcceptedCodingsTest,
                         ::testing::Values(Case{"", false, false}, Case{"gzip, deflate, br", true, true},
                                           Case{"gzip, deflate, br, zstd", true, true}, Case{"br", true, false},
                                           Case{"gzip", false, true}, Case{"deflate", false, false},
                                           Case{"identity", false, false}, Case{"br;q=0, gzip", false, true},
                                           Case{"br; q=0.0,gzip;q=0.5", false, true},
                                           Case{"gzip;q=0.000, br;q=1", true, false}, Case{"*", false, false},
                                           Case{"brotli, xgzip", false, false}, Case{" br , gzip ", true, true}));

}  // namespace
