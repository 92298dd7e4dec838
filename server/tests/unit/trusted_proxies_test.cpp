// The client's address behind a proxy (http/request.h client_address) and the trusted_proxies
// setting (app/config.h): X-Forwarded-For and X-Real-IP are believed only from the proxies
// named, read from the right so that what a client writes into them itself is not believed.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/config.h"
#include "http/request.h"

using jinguo::http::client_address;

namespace {

const std::vector<std::string> kNginx = {"127.0.0.1", "10.0.0.5"};

TEST(ClientAddress, WithoutTrustedProxiesThePeerIsTheClient) {
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", "198.51.100.2", {}), "203.0.113.7");
}

TEST(ClientAddress, HeadersFromAnUntrustedPeerAreIgnored) {
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", "198.51.100.2", kNginx), "203.0.113.7");
}

TEST(ClientAddress, ATrustedProxyNamesTheClient) {
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1", "", kNginx), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", "", "198.51.100.2", kNginx), "198.51.100.2");
  EXPECT_EQ(client_address("127.0.0.1", "2001:db8::1", "", kNginx), "2001:db8::1");
}

TEST(ClientAddress, WhatTheClientWroteLeftOfItsOwnAddressIsNotBelieved) {
  // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 198.51.100.1", "198.51.100.1", kNginx), "198.51.100.1");
}

TEST(ClientAddress, ReadsPastEveryTrustedProxy) {
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4,198.51.100.1, 10.0.0.5", "", kNginx), "198.51.100.1");
  // Only proxies: the first of them is the client (a health check from the proxy's own host).
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.5", "", kNginx), "10.0.0.5");
}

TEST(ClientAddress, AMalformedEntryStopsAtTheLastTrustedProxy) {
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1, unknown", "", kNginx), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "", "not an address", kNginx), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", " , ", "", kNginx), "127.0.0.1");
}

jinguo::app::Config load(const jinguo::app::ConfigFlags& flags, const jinguo::app::Environment& env = {}) {
  return jinguo::app::load_config(flags, env);
}

TEST(TrustedProxiesSetting, NoneByDefault) { EXPECT_TRUE(load({}).trusted_proxies.empty()); }

TEST(TrustedProxiesSetting, FileThenEnvironmentThenFlag) {
  const std::string path = testing::TempDir() + "trusted_proxies_test.json";
  std::ofstream(path) << R"({"trusted_proxies": ["127.0.0.1", "::1"]})";
  jinguo::app::ConfigFlags flags;
  flags.config_file = path;
  EXPECT_EQ(load(flags).trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
  const jinguo::app::Environment env = {{"JINGUO_TRUSTED_PROXIES", "10.0.0.5, 10.0.0.6"}};
  EXPECT_EQ(load(flags, env).trusted_proxies, (std::vector<std::string>{"10.0.0.5", "10.0.0.6"}));
  flags.trusted_proxies = "192.0.2.1";
  EXPECT_EQ(load(flags, env).trusted_proxies, (std::vector<std::string>{"192.0.2.1"}));
  std::remove(path.c_str());
}

TEST(TrustedProxiesSetting, RefusesWhatIsNotAnAddress) {
  jinguo::app::ConfigFlags flags;
  flags.trusted_proxies = "127.0.0.1,nginx.local";
  EXPECT_THROW(load(flags), std::invalid_argument);
  EXPECT_THROW(load({}, {{"JINGUO_TRUSTED_PROXIES", "10.0.0.0/8"}}), std::invalid_argument);
  const std::string path = testing::TempDir() + "trusted_proxies_bad.json";
  std::ofstream(path) << R"({"trusted_proxies": "127.0.0.1"})";
  flags = {};
  flags.config_file = path;
  EXPECT_THROW(load(flags), std::invalid_argument);
  std::remove(path.c_str());
}

}  // namespace
