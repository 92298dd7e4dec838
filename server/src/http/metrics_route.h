#pragma once
// GET /metrics: the Prometheus text exposition of the server (docs/metrics.md), for a
// scraper on the same machine or one that sends the configured bearer token.
#include <string>
#include <string_view>

#include <httplib.h>

#include "storage/database.h"

namespace jinguo::http {

struct MetricsSources {
  storage::Database& db;
  std::string token;  // empty: only from this machine
};

// Who may read /metrics: a direct connection from the loopback address (not one a proxy on
// this machine forwards: it carries a forwarding header), or anyone with the token.
bool metrics_allowed(std::string_view remote_addr, bool forwarded, std::string_view authorization,
                     std::string_view token);

// Everything else answers 404, as if there were no such route.
void add_metrics_route(httplib::Server& server, MetricsSources sources);

}  // namespace jinguo::http
