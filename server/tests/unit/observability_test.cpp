// The pure parts of the server's observability: the exposition format, route labels, the
// request id and the access log line.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/metrics_route.h"
#include "http/observability.h"

using namespace jinguo::http;

TEST(RouteLabel, GroupsBecomePlaceholdersAndEscapesTheirCharacter) {
  EXPECT_EQ(route_label(R"(/api/people/(\d+))"), "/api/people/{id}");
  EXPECT_EQ(route_label(R"(/api/forms/(\d{1,3})\.xlsx)"), "/api/forms/{id}.xlsx");
  EXPECT_EQ(route_label(R"(/api/dictionaries/([a-z_]+)/(\d+))"), "/api/dictionaries/{param}/{id}");
  EXPECT_EQ(route_label(R"(/api/x/((a|b)c))"), "/api/x/{param}");
  EXPECT_EQ(route_label("/api/health"), "/api/health");
}

TEST(RequestId, KeepsWellFormedIdsOnly) {
  EXPECT_TRUE(valid_request_id("abc-123_DEF.9:z"));
  EXPECT_TRUE(valid_request_id(std::string(64, 'a')));
  EXPECT_FALSE(valid_request_id(""));
  EXPECT_FALSE(valid_request_id(std::string(65, 'a')));
  EXPECT_FALSE(valid_request_id("a b"));
  EXPECT_FALSE(valid_request_id("a\"b"));
  EXPECT_FALSE(valid_request_id("a\nb"));
  EXPECT_FALSE(valid_request_id("编号"));
  const std::string made = new_request_id();
  EXPECT_EQ(made.size(), 16u);
  EXPECT_TRUE(valid_request_id(made));
  EXPECT_NE(made, new_request_id());
}

TEST(Exposition, SamplesWithEscapedLabelsAndNumbers) {
  Exposition out;
  out.family("jinguo_x_total", "counter", "Things.")
      .sample("jinguo_x_total", {{"route", "/a\"b\\c\nd"}, {"status", "200"}}, 3)
      .sample("jinguo_y", {}, 0.25);
  EXPECT_EQ(out.text(),
            "# HELP jinguo_x_total Things.\n"
            "# TYPE jinguo_x_total counter\n"
            "jinguo_x_total{route=\"/a\\\"b\\\\c\\nd\",status=\"200\"} 3\n"
            "jinguo_y 0.25\n");
  EXPECT_EQ(exposition_number(1e20), "1e+20");
  EXPECT_EQ(exposition_number(-2), "-2");
}

TEST(Exposition, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  static constexpr std::array<double, 3> kBounds = {0.01, 0.1, 1};
  Histogram h(kBounds);
  h.observe(0.005);
  h.observe(0.01);  // on a bound: counted in that bucket (le)
  h.observe(0.5);
  h.observe(7);
  Exposition out;
  out.histogram("d_seconds", {{"route", "/r"}}, h);
  EXPECT_EQ(out.text(),
            "d_seconds_bucket{route=\"/r\",le=\"0.01\"} 2\n"
            "d_seconds_bucket{route=\"/r\",le=\"0.1\"} 2\n"
            "d_seconds_bucket{route=\"/r\",le=\"1\"} 3\n"
            "d_seconds_bucket{route=\"/r\",le=\"+Inf\"} 4\n"
            "d_seconds_sum{route=\"/r\"} 7.515\n"
            "d_seconds_count{route=\"/r\"} 4\n");
}

TEST(RequestMetrics, OneSeriesPerRoutePatternAndStatus) {
  RequestMetrics& m = RequestMetrics::instance();
  RouteStats& a = m.route("GET", R"(/api/unit-test/(\d+))");
  EXPECT_EQ(&a, &m.route("GET", R"(/api/unit-test/(\d+))"));
  EXPECT_NE(&a, &m.route("POST", R"(/api/unit-test/(\d+))"));
  a.count(200, 0.002);
  a.count(200, 0.002);
  a.count(599, 0.002);
  Exposition out;
  m.write(out);
  EXPECT_NE(out.text().find("jinguo_http_requests_total{method=\"GET\",route=\"/api/unit-test/{id}\",status=\"200\"} 2\n"),
            std::string::npos)
      << out.text();
  EXPECT_NE(out.text().find("route=\"/api/unit-test/{id}\",status=\"other\"} 1\n"), std::string::npos);
  EXPECT_NE(out.text().find("jinguo_http_request_duration_seconds_count{method=\"GET\",route=\"/api/unit-test/{id}\"} 3"),
            std::string::npos);
  {
    RouteScope busy(m.route("GET", R"(/api/forms/(\d+)\.xlsx)"));
    EXPECT_EQ(m.in_flight([](std::string_view r) { return r.starts_with("/api/forms/"); }), 1);
  }
  EXPECT_EQ(m.in_flight([](std::string_view r) { return r.starts_with("/api/forms/"); }), 0);
  current_request() = RequestContext{};
}

TEST(MetricsAccess, LoopbackUnlessForwardedOrTheToken) {
  EXPECT_TRUE(metrics_allowed("127.0.0.1", false, "", ""));
  EXPECT_TRUE(metrics_allowed("::1", false, "", ""));
  EXPECT_FALSE(metrics_allowed("127.0.0.1", true, "", ""));  // a proxy on this machine
  EXPECT_FALSE(metrics_allowed("10.0.0.5", false, "", ""));
  EXPECT_FALSE(metrics_allowed("10.0.0.5", false, "Bearer ", ""));  // no token set: none accepted
  EXPECT_TRUE(metrics_allowed("10.0.0.5", false, "Bearer s3cret", "s3cret"));
  EXPECT_TRUE(metrics_allowed("127.0.0.1", true, "Bearer s3cret", "s3cret"));
  EXPECT_FALSE(metrics_allowed("10.0.0.5", false, "Bearer s3cre", "s3cret"));
  EXPECT_FALSE(metrics_allowed("10.0.0.5", false, "s3cret", "s3cret"));
}

TEST(AccessLine, OneJsonObjectWithTheRequestsFields) {
  RouteStats route("GET", "/api/people/{id}");
  RequestContext r;
  r.id = "abc";
  r.route = &route;
  r.account_id = 7;
  const auto line = nlohmann::json::parse(access_line("2026-12-01T18:00:00.000Z", r, "GET", 200, 1.23456, "127.0.0.1"));
  EXPECT_EQ(line["request_id"], "abc");
  EXPECT_EQ(line["route"], "/api/people/{id}");
  EXPECT_EQ(line["status"], 200);
  EXPECT_DOUBLE_EQ(line["duration_ms"].get<double>(), 1.235);
  EXPECT_EQ(line["client"], "127.0.0.1");
  EXPECT_EQ(line["account_id"], 7);
  r.account_id.reset();
  r.route = nullptr;
  const auto anonymous = nlohmann::json::parse(access_line("t", r, "GET", 404, 0, "::1"));
  EXPECT_TRUE(anonymous["account_id"].is_null());
  EXPECT_EQ(anonymous["route"], "other");
  EXPECT_EQ(utc_time_text(std::chrono::system_clock::time_point(std::chrono::milliseconds(1764612123456))),
            "2025-12-01T18:02:03.456Z");
}
