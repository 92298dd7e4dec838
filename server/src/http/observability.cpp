#include "http/observability.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <random>

#include <spdlog/spdlog.h>

#include "http/json_writer.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

// The statuses counted each on its own; any other is counted as "other" (a fixed array per
// route keeps the hot path a single atomic add).
constexpr std::array<int, 20> kCountedStatuses = {200, 201, 204, 206, 301, 302, 304, 400, 401, 403,
                                                  404, 405, 409, 413, 415, 416, 422, 429, 500, 503};
static_assert(kCountedStatuses.size() + 1 == std::tuple_size_v<decltype(RouteStats::by_status)>);

std::size_t status_slot(int status) {
  const auto* it = std::find(kCountedStatuses.begin(), kCountedStatuses.end(), status);
  return static_cast<std::size_t>(it - kCountedStatuses.begin());
}

}  // namespace

Histogram::Histogram(std::span<const double> bounds)
    : bounds_(bounds), counts_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds.size() + 1)) {}

void Histogram::observe(double value) {
  const auto bucket = static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin());
  counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  if (value > 0) sum_micro_.fetch_add(static_cast<std::uint64_t>(std::llround(value * 1e6)), std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot s;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    total += counts_[i].load(std::memory_order_relaxed);
    s.cumulative.push_back(total);
  }
  s.sum = static_cast<double>(sum_micro_.load(std::memory_order_relaxed)) / 1e6;
  return s;
}

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string exposition_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

Exposition& Exposition::family(std::string_view name, std::string_view type, std::string_view help) {
  out_.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
  return *this;
}

void Exposition::labels(Labels labels, std::string_view le) {
  if (labels.size() == 0 && le.empty()) return;
  out_ += '{';
  bool first = true;
  for (const auto& [key, value] : labels) {
    if (!first) out_ += ',';
    first = false;
    out_.append(key).append("=\"").append(escape_label_value(value)).append("\"");
  }
  if (!le.empty()) out_.append(first ? "" : ",").append("le=\"").append(le).append("\"");
  out_ += '}';
}

Exposition& Exposition::sample(std::string_view name, Labels l, double value) {
  out_.append(name);
  labels(l);
  out_.append(" ").append(exposition_number(value)).append("\n");
  return *this;
}

Exposition& Exposition::histogram(std::string_view name, Labels l, const Histogram& h) {
  const Histogram::Snapshot s = h.snapshot();
  const std::string bucket = std::string(name) + "_bucket";
  for (std::size_t i = 0; i < s.cumulative.size(); ++i) {
    const std::string le = i < h.bounds().size() ? exposition_number(h.bounds()[i]) : "+Inf";
    out_.append(bucket);
    labels(l, le);
    out_.append(" ").append(std::to_string(s.cumulative[i])).append("\n");
  }
  out_.append(name).append("_sum");
  labels(l);
  out_.append(" ").append(exposition_number(s.sum)).append("\n");
  out_.append(name).append("_count");
  labels(l);
  out_.append(" ").append(std::to_string(s.cumulative.back())).append("\n");
  return *this;
}

std::string route_label(std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {  // an escaped character stands for itself
      out += pattern[++i];
      continue;
    }
    if (pattern[i] != '(') {
      out += pattern[i];
      continue;
    }
    // A group, nested ones included: its whole text becomes one placeholder.
    std::size_t depth = 0, end = i;
    for (; end < pattern.size(); ++end) {
      if (pattern[end] == '\\') ++end;
      else if (pattern[end] == '(') ++depth;
      else if (pattern[end] == ')' && --depth == 0) break;
    }
    const std::string_view group = pattern.substr(i, end - i + 1);
    out += group.starts_with("(\\d") ? "{id}" : "{param}";
    i = end;
  }
  return out;
}

bool valid_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':';
  });
}

std::string new_request_id() {
  // A generator per thread: no lock, and ids from different threads do not collide.
  thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t bits = random();
  std::string id(16, '0');
  for (char& c : id) {
    c = kHex[bits & 15];
    bits >>= 4;
  }
  return id;
}

RouteStats::RouteStats(std::string m, std::string r) : method(std::move(m)), route(std::move(r)) {}

void RouteStats::count(int status, double seconds) {
  by_status[status_slot(status)].fetch_add(1, std::memory_order_relaxed);
  latency.observe(seconds);
}

RequestMetrics& RequestMetrics::instance() {
  // One per process, as Prometheus client libraries keep theirs: the counters describe the
  // process, and the routes register themselves where they are added.
  static RequestMetrics metrics;
  return metrics;
}

RouteStats& RequestMetrics::route(std::string_view method, std::string_view pattern) {
  const std::string label = route_label(pattern);
  std::lock_guard lock(mutex_);
  for (const auto& r : routes_)
    if (r->method == method && r->route == label) return *r;
  return *routes_.emplace_back(std::make_unique<RouteStats>(std::string(method), label));
}

void RequestMetrics::write(Exposition& out) const {
  std::lock_guard lock(mutex_);
  out.family("jinguo_http_requests_total", "counter", "HTTP requests answered, by route pattern and status.");
  for (const auto& r : routes_) {
    for (std::size_t i = 0; i < r->by_status.size(); ++i) {
      const auto n = r->by_status[i].load(std::memory_order_relaxed);
      if (n == 0) continue;
      const std::string status = i < kCountedStatuses.size() ? std::to_string(kCountedStatuses[i]) : "other";
      out.sample("jinguo_http_requests_total", {{"method", r->method}, {"route", r->route}, {"status", status}},
                 static_cast<double>(n));
    }
  }
  out.family("jinguo_http_request_duration_seconds", "histogram",
             "Time from routing a request to its last byte written, by route pattern.");
  for (const auto& r : routes_)
    if (r->latency.snapshot().cumulative.back() > 0)
      out.histogram("jinguo_http_request_duration_seconds", {{"method", r->method}, {"route", r->route}}, r->latency);
  out.family("jinguo_http_requests_in_flight", "gauge", "Requests being answered, by route pattern.");
  for (const auto& r : routes_)
    if (const auto n = r->in_flight.load(std::memory_order_relaxed); n > 0)
      out.sample("jinguo_http_requests_in_flight", {{"method", r->method}, {"route", r->route}},
                 static_cast<double>(n));
}

std::int64_t RequestMetrics::in_flight(const std::function<bool(std::string_view route)>& counted) const {
  std::lock_guard lock(mutex_);
  std::int64_t n = 0;
  for (const auto& r : routes_)
    if (counted(r->route)) n += r->in_flight.load(std::memory_order_relaxed);
  return n;
}

RequestContext& current_request() {
  thread_local RequestContext context;
  return context;
}

std::string utc_time_text(std::chrono::system_clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char buffer[64];  // room for any int the compiler imagines
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buffer;
}

std::string access_line(std::string_view time, const RequestContext& request, std::string_view method, int status,
                        double milliseconds, std::string_view client) {
  JsonWriter w;
  w.begin_object()
      .field("time", time)
      .field("level", "info")
      .field("request_id", request.id)
      .field("method", method)
      .field("route", request.route ? std::string_view(request.route->route) : std::string_view("other"))
      .field("status", status)
      .field("duration_ms", std::round(milliseconds * 1000) / 1000)
      .field("client", client)
      .field("account_id", request.account_id)
      .end_object();
  return std::move(w).take();
}

void observe_requests(httplib::Server& server, LogFormat format, std::vector<std::string> trusted_proxies) {
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    RequestContext& r = current_request();
    r = RequestContext{};  // nothing of an earlier request on this thread whose line was not written
    r.start = std::chrono::steady_clock::now();
    const std::string incoming = req.get_header_value("X-Request-Id");
    r.id = valid_request_id(incoming) ? incoming : new_request_id();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Before the headers are written, on every answer (also those httplib makes itself).
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    RequestContext& r = current_request();
    if (r.id.empty()) r.id = new_request_id();
    res.set_header("X-Request-Id", r.id);
  });
  auto access = spdlog::get("access");  // app/logging.cpp makes it; absent, no request lines
  RouteStats* other = &RequestMetrics::instance().other();
  server.set_logger([access, format, other, trusted = std::move(trusted_proxies)](const httplib::Request& req,
                                                                                 const httplib::Response& res) {
    RequestContext& r = current_request();
    const auto now = std::chrono::steady_clock::now();
    const double seconds =
        r.start == std::chrono::steady_clock::time_point{} ? 0.0 : std::chrono::duration<double>(now - r.start).count();
    (r.route ? *r.route : *other).count(res.status, seconds);
    if (access && format == LogFormat::kJson && access->should_log(spdlog::level::info)) {
      access->info(access_line(utc_time_text(std::chrono::system_clock::now()), r, req.method, res.status,
                               seconds * 1000, client_of(req, trusted).address));
    } else if (access && access->should_log(spdlog::level::debug)) {
      access->debug("{} {} {} {:.3f} ms {} account {} request {}", req.method, r.route ? r.route->route : "other",
                    res.status, seconds * 1000, client_of(req, trusted).address,
                    r.account_id ? std::to_string(*r.account_id) : "-", r.id);
    }
    r = RequestContext{};
  });
}

}  // namespace jinguo::http
