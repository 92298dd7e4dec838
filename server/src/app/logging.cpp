#include "app/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include "http/json_writer.h"
#include "http/observability.h"

namespace jinguo::app {

namespace {

// {"time", "level", "request_id" (on a request's thread), "message"}; the access logger's
// lines are whole JSON objects already and are written as they are.
class JsonLines final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line;
    if (msg.logger_name == "access") {
      line.assign(msg.payload.data(), msg.payload.size());
    } else {
      http::JsonWriter w;
      w.begin_object()
          .field("time", http::utc_time_text(msg.time))
          .field("level", std::string_view(spdlog::level::to_string_view(msg.level).data(),
                                           spdlog::level::to_string_view(msg.level).size()));
      if (const std::string& id = http::current_request().id; !id.empty()) w.field("request_id", id);
      w.field("message", std::string_view(msg.payload.data(), msg.payload.size())).end_object();
      line = std::move(w).take();
    }
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonLines>(); }
};

}  // namespace

void configure_logging(const Config& config) {
  const auto level = spdlog::level::from_str(config.log_level);
  auto main = spdlog::default_logger();
  if (!spdlog::get("access")) {
    auto access = std::make_shared<spdlog::logger>("access", main->sinks().begin(), main->sinks().end());
    spdlog::register_logger(access);
  }
  spdlog::set_level(level);
  if (config.log_format == "json") spdlog::set_formatter(std::make_unique<JsonLines>());
}

}  // namespace jinguo::app
