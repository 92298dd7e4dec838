#pragma once
// A calendar date without time zone, as federations write them (2016-06-01).
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace jinguo::domain {

class Date {
 public:
  Date() = default;  // 1970-01-01
  Date(int year, unsigned month, unsigned day);  // throws std::invalid_argument if not a real day
  static Date from_days(std::int32_t days_since_epoch);

  // Strict ISO form YYYY-MM-DD; nullopt if malformed or not a real day (2016-02-30).
  static std::optional<Date> parse(std::string_view text);
  static Date today_utc();

  std::string iso() const;  // "2016-06-01"
  std::string chinese() const;  // "2016年6月1日", as forms and certificates are dated
  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::int32_t days_since_epoch() const { return days_; }
  Date plus_days(int n) const { return from_days(days_ + n); }

  auto operator<=>(const Date&) const = default;

 private:
  std::int32_t days_ = 0;
};

// Full years between birth and on (age on that day).
int age_on(const Date& birth, const Date& on);

}  // namespace jinguo::domain
