#include "http/metrics_route.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>

#include "http/api.h"
#include "http/observability.h"
#include "services/crypto.h"
#include "storage/activity.h"

namespace jinguo::http {

namespace {

// Resident memory (RSS) from /proc/self/statm: its second field, in pages.
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long long size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

bool is_form(std::string_view route) { return route.starts_with("/api/forms/"); }
bool is_export(std::string_view route) {
  return !is_form(route) && (route.ends_with(".xlsx") || route.ends_with(".pdf"));
}

}  // namespace

bool metrics_allowed(std::string_view remote_addr, bool forwarded, std::string_view authorization,
                     std::string_view token) {
  if (!token.empty() && authorization.starts_with("Bearer ") &&
      services::constant_time_equal(authorization.substr(7), token))
    return true;
  const bool loopback = remote_addr == "::1" || remote_addr.starts_with("127.") || remote_addr == "::ffff:127.0.0.1";
  return loopback && !forwarded;
}

void add_metrics_route(httplib::Server& server, MetricsSources sources) {
  const auto started = std::chrono::steady_clock::now();
  const double start_time =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  RouteStats& stats = RequestMetrics::instance().route("GET", "/metrics");
  server.Get("/metrics", [sources = std::move(sources), started, start_time, &stats](const httplib::Request& req,
                                                                                      httplib::Response& res) {
    RouteScope scope(stats);
    const bool forwarded =
        req.has_header("X-Forwarded-For") || req.has_header("Forwarded") || req.has_header("X-Real-IP");
    if (!metrics_allowed(req.remote_addr, forwarded, req.get_header_value("Authorization"), sources.token)) {
      send(res, error_reply(domain::not_found("", "请求的地址不存在", "no such route")));
      return;
    }
    Exposition out;
    RequestMetrics::instance().write(out);
    const storage::PoolUse pool = storage::pool_use();
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    const storage::StoredActivity stored =
        sources.db.read_one([&](storage::ReadTx& tx) { return storage::stored_activity(tx, now.count()); });
    out.family("jinguo_db_pool_connections", "gauge", "Connections in the database pool.")
        .sample("jinguo_db_pool_connections", {}, static_cast<double>(pool.connections));
    out.family("jinguo_db_pool_in_use", "gauge", "Pooled connections leased now.")
        .sample("jinguo_db_pool_in_use", {}, static_cast<double>(pool.in_use));
    out.family("jinguo_db_pool_waits_total", "counter", "Leases that found no pooled connection free.")
        .sample("jinguo_db_pool_waits_total", {}, static_cast<double>(pool.waits));
    out.family("jinguo_db_pool_wait_seconds_total", "counter", "Time spent waiting for a pooled connection.")
        .sample("jinguo_db_pool_wait_seconds_total", {}, pool.wait_seconds);
    out.family("jinguo_sessions_active", "gauge", "Signed-in sessions neither idle nor past their end.")
        .sample("jinguo_sessions_active", {}, static_cast<double>(stored.sessions_active));
    out.family("jinguo_imports_in_progress", "gauge", "Import jobs checking or committing (on this database).")
        .sample("jinguo_imports_in_progress", {}, static_cast<double>(stored.imports_in_progress));
    out.family("jinguo_reports_in_progress", "gauge", "Forms and exports being made.")
        .sample("jinguo_reports_in_progress", {{"kind", "form"}},
                static_cast<double>(RequestMetrics::instance().in_flight(is_form)))
        .sample("jinguo_reports_in_progress", {{"kind", "export"}},
                static_cast<double>(RequestMetrics::instance().in_flight(is_export)));
    out.family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.")
        .sample("process_resident_memory_bytes", {}, resident_bytes());
    out.family("process_start_time_seconds", "gauge", "Start time of the server since the Unix epoch in seconds.")
        .sample("process_start_time_seconds", {}, std::floor(start_time));
    out.family("jinguo_uptime_seconds", "gauge", "Seconds since the server started.")
        .sample("jinguo_uptime_seconds", {},
                std::floor(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()));
    out.family("jinguo_build_info", "gauge", "The running version.")
        .sample("jinguo_build_info", {{"version", JINGUO_VERSION}}, 1);
    res.set_content(out.text(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace jinguo::http
