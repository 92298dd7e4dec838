#pragma once
// For table tests of domain rules: the code of the DomainError a call throws ("" when it
// throws none), and a day from its ISO text.
#include <functional>
#include <string>

#include "domain/date.h"
#include "domain/error.h"

namespace jinguo::test_support {

inline std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const domain::DomainError& e) {
    return e.code();
  }
  return "";
}

inline domain::Date day(const char* iso) { return *domain::Date::parse(iso); }

}  // namespace jinguo::test_support
