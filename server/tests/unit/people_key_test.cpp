// The key of a kept people page (services/registry.h): every parameter of the search, the body
// named and the page, the caller's scope and the registry's generation make a different key.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "services/registry.h"

using jinguo::domain::Date;
using jinguo::services::people_key;
using jinguo::storage::HoldingStatus;
using jinguo::storage::PageSpec;
using jinguo::storage::PeopleSearch;

TEST(PeopleKey, EveryParameterNamesADifferentPage) {
  PeopleSearch base;
  base.on = Date(2016, 9, 20);
  const PageSpec page;
  struct Case {
    const char* name;
    std::function<void(PeopleSearch&, PageSpec&, std::string&, std::int64_t&, std::optional<std::int64_t>&)> change;
  };
  const std::vector<Case> cases{
      {"same", [](auto&, auto&, auto&, auto&, auto&) {}},
      {"another body", [](auto&, auto&, auto&, auto&, auto& within) { within = 3; }},
      {"no body named", [](auto&, auto&, auto&, auto&, auto& within) { within.reset(); }},
      {"on", [](auto& s, auto&, auto&, auto&, auto&) { s.on = Date(2016, 9, 21); }},
      {"former", [](auto& s, auto&, auto&, auto&, auto&) { s.status = HoldingStatus::kFormer; }},
      {"all", [](auto& s, auto&, auto&, auto&, auto&) { s.status = HoldingStatus::kAll; }},
      {"role", [](auto& s, auto&, auto&, auto&, auto&) { s.role = "member"; }},
      {"manner", [](auto& s, auto&, auto&, auto&, auto&) { s.manner = "member"; }},
      {"source", [](auto& s, auto&, auto&, auto&, auto&) { s.source = "member"; }},
      {"empty role", [](auto& s, auto&, auto&, auto&, auto&) { s.role = ""; }},
      {"id_number", [](auto& s, auto&, auto&, auto&, auto&) { s.id_number = "230102198601010024"; }},
      {"name", [](auto& s, auto&, auto&, auto&, auto&) { s.name = "王"; }},
      {"name with a bar", [](auto& s, auto&, auto&, auto&, auto&) { s.name = "-|"; }},
      {"unplaced", [](auto& s, auto&, auto&, auto&, auto&) { s.with_unplaced = true; }},
      {"page", [](auto&, auto& p, auto&, auto&, auto&) { p.page = 2; }},
      {"page_size", [](auto&, auto& p, auto&, auto&, auto&) { p.page_size = 20; }},
      {"sort", [](auto&, auto& p, auto&, auto&, auto&) { p.sort = "start_on"; }},
      {"order", [](auto&, auto& p, auto&, auto&, auto&) { p.descending = true; }},
      {"scope", [](auto&, auto&, auto& scope, auto&, auto&) { scope = "/1/"; }},
      {"generation", [](auto&, auto&, auto&, auto& g, auto&) { g = 8; }},
  };
  std::set<std::string> keys;
  for (const auto& c : cases) {
    PeopleSearch s = base;
    PageSpec p = page;
    std::string scope = "/";
    std::int64_t generation = 7;
    std::optional<std::int64_t> within = 2;
    c.change(s, p, scope, generation, within);
    EXPECT_TRUE(keys.insert(people_key(s, within, scope, p, generation)).second) << c.name;
  }
  // and the same parameters, the same key
  EXPECT_EQ(people_key(base, 2, "/", page, 7), people_key(base, 2, "/", page, 7));
  PeopleSearch role_then_manner = base, manner_then_role = base;
  role_then_manner.role = "a";
  manner_then_role.manner = "a";
  EXPECT_NE(people_key(role_then_manner, 2, "/", page, 7), people_key(manner_then_role, 2, "/", page, 7));
}
