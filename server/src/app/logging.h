#pragma once
// The server's logs: text for people, or JSON lines for a log collector (log_format).
#include "app/config.h"

namespace jinguo::app {

// Sets the level and the format of every log line, and makes the "access" logger (one line
// per request: http/observability.h) on the same output.
void configure_logging(const Config& config);

}  // namespace jinguo::app
