#pragma once
#include <string>

namespace jinguo::domain {

// Now as ISO 8601 UTC with seconds: "2026-11-28T09:30:00Z".
std::string utc_timestamp_now();

}  // namespace jinguo::domain
