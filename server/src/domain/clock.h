#pragma once
#include <string>

#include "domain/date.h"

namespace jinguo::domain {

// Now as ISO 8601 UTC with seconds: "2026-11-28T09:30:00Z".
std::string utc_timestamp_now();
// `seconds` before now (negative: after), in the same form: for cutoffs ("older than a week").
std::string utc_timestamp_seconds_ago(long long seconds);

// Today in China (UTC+8), the day federations write on their forms.
Date today_in_china();

}  // namespace jinguo::domain
