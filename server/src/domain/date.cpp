#include "domain/date.h"

#include <cstdio>
#include <stdexcept>

namespace jinguo::domain {

namespace chr = std::chrono;

Date::Date(int year, unsigned month, unsigned day) {
  chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
  if (!ymd.ok() || year < 1800 || year > 9999) throw std::invalid_argument("not a calendar date");
  days_ = static_cast<std::int32_t>(chr::sys_days{ymd}.time_since_epoch().count());
}

Date Date::from_days(std::int32_t days_since_epoch) {
  Date d;
  d.days_ = days_since_epoch;
  return d;
}

std::optional<Date> Date::parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)},
                          chr::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1800) return std::nullopt;
  return Date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Date Date::today_utc() {
  auto now = chr::floor<chr::days>(chr::system_clock::now());
  return from_days(static_cast<std::int32_t>(now.time_since_epoch().count()));
}

static chr::year_month_day ymd_of(std::int32_t days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd_of(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd_of(days_).day()); }

std::string Date::iso() const {
  auto ymd = ymd_of(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int age_on(const Date& birth, const Date& on) {
  int age = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --age;
  return age;
}

std::string Date::chinese() const {
  return std::to_string(year()) + "年" + std::to_string(month()) + "月" + std::to_string(day()) + "日";
}

}  // namespace jinguo::domain
