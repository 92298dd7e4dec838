#pragma once
// What an operator sees of the server while it runs: request counters and latency
// histograms by route pattern, the request id, and one log line per request (docs/metrics.md).
//
// The hot path is lock-free: a request adds to atomics of its route, registered once when
// the routes are added. Only registering a route and writing /metrics take a lock.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>

namespace jinguo::http {

// A Prometheus histogram: one atomic counter per bucket, the sum in microunits.
class Histogram {
 public:
  explicit Histogram(std::span<const double> bounds);
  void observe(double value);
  struct Snapshot {
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf (the count)
    double sum = 0;
  };
  Snapshot snapshot() const;
  std::span<const double> bounds() const { return bounds_; }

 private:
  std::span<const double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> counts_;  // per bucket, not cumulative
  std::atomic<std::uint64_t> sum_micro_{0};
};

// Request latency buckets, in seconds.
inline constexpr std::array<double, 13> kLatencyBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                          0.25,  0.5,    1,     2.5,  5,     10};

using Labels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Writes the Prometheus text exposition format (version 0.0.4).
class Exposition {
 public:
  // The # HELP and # TYPE lines of a metric family (before its samples).
  Exposition& family(std::string_view name, std::string_view type, std::string_view help);
  Exposition& sample(std::string_view name, Labels labels, double value);
  // name_bucket{…,le="…"} for each bound and +Inf, name_sum, name_count.
  Exposition& histogram(std::string_view name, Labels labels, const Histogram& h);
  const std::string& text() const { return out_; }

 private:
  void labels(Labels labels, std::string_view le = {});
  std::string out_;
};

// A label value with \, " and newlines escaped as the format wants.
std::string escape_label_value(std::string_view value);
// A number as the format writes it: integers without a fraction, +Inf, NaN.
std::string exposition_number(double value);

// The label of a route pattern: its regex groups become {id} (digits) or {param}, so that
// ids do not make one series per record: "/api/people/(\d+)" → "/api/people/{id}",
// "/api/people\.xlsx" → "/api/people.xlsx".
std::string route_label(std::string_view pattern);

// An incoming X-Request-Id is kept if it is 1–64 characters of letters, digits, '-', '_',
// '.' or ':' (no spaces, quotes or control characters reach the logs).
bool valid_request_id(std::string_view id);
std::string new_request_id();  // 16 hex digits

// The answers of one route (method and pattern), by status.
struct RouteStats {
  RouteStats(std::string method, std::string route);
  void count(int status, double seconds);
  std::string method, route;
  std::array<std::atomic<std::uint64_t>, 21> by_status{};  // kCountedStatuses, then any other
  std::atomic<std::int64_t> in_flight{0};
  Histogram latency{kLatencyBounds};
};

// Every route's counters, for the process: a server registers its routes once at start
// (again for the same method and pattern: the same counters).
class RequestMetrics {
 public:
  static RequestMetrics& instance();
  RouteStats& route(std::string_view method, std::string_view pattern);
  // Static files, unknown paths and errors httplib answers itself.
  RouteStats& other() { return route("", "other"); }
  void write(Exposition& out) const;
  // Requests in flight on the routes `counted` picks by label (the reports: forms, exports).
  std::int64_t in_flight(const std::function<bool(std::string_view route)>& counted) const;

 private:
  mutable std::mutex mutex_;  // registration and /metrics only
  std::vector<std::unique_ptr<RouteStats>> routes_;
};

// The request a thread is serving: httplib serves each request on one thread, from its
// routing to its log line.
struct RequestContext {
  std::string id;
  std::chrono::steady_clock::time_point start{};
  RouteStats* route = nullptr;
  std::optional<std::int64_t> account_id;
};
RequestContext& current_request();

// Counts a route's request in flight while it runs, and names the route for the log line.
class RouteScope {
 public:
  explicit RouteScope(RouteStats& stats) : stats_(stats) {
    current_request().route = &stats;
    stats.in_flight.fetch_add(1, std::memory_order_relaxed);
  }
  ~RouteScope() { stats_.in_flight.fetch_sub(1, std::memory_order_relaxed); }
  RouteScope(const RouteScope&) = delete;
  RouteScope& operator=(const RouteScope&) = delete;

 private:
  RouteStats& stats_;
};

enum class LogFormat { kText, kJson };

// The request id (taken or made) on every answer as X-Request-Id, the counters of every
// answer, and one log line per request: at info in JSON, at debug in text. The line's client
// is the one the trusted proxies name (http::client_of), not nginx's address.
void observe_requests(httplib::Server& server, LogFormat format, std::vector<std::string> trusted_proxies);

// "2026-12-01T18:02:03.456Z".
std::string utc_time_text(std::chrono::system_clock::time_point t);

// The access log line of one request, a JSON object (`time` in UTC).
std::string access_line(std::string_view time, const RequestContext& request, std::string_view method, int status,
                        double milliseconds, std::string_view client);

}  // namespace jinguo::http
