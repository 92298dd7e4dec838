#pragma once
// Invented women for the demo rosters: a valid ID number for the body's district, a
// birth date that fits her post, ethnicity, political status, education, work unit and
// phone numbers typical of where she serves and of the source category she comes from.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "demo/random.h"
#include "domain/person.h"

namespace jinguo::demo {

enum class Setting { kUrban, kRural };  // streets and communities / townships and villages

struct PersonSpec {
  std::string_view region;        // 6 digits of GB/T 2260: the first part of her ID number
  std::string_view place;         // the area she works in: 兆麟街道, 红星村
  std::string_view county;        // 道里区: for the names of public bodies
  Setting setting = Setting::kUrban;
  int level = 3;                  // body_type_level of the body: 0 city … 3 grassroots
  std::string_view ethnic_hint;   // a minority common in this place ("11" in a 满族乡), or empty
  std::optional<std::string_view> source;  // source category code; none: an original cadre
  bool leader = false;            // chair, vice chair, director: older, more often Party members
  int born_from = 1955;           // birth year range, both included
  int born_to = 1995;
};

class PersonFactory {
 public:
  explicit PersonFactory(Rng& rng) : rng_(rng) {}

  // A new woman (id left 0). The ID number is unique among all made by this factory
  // since the region was last forgotten.
  domain::Person make(const PersonSpec& spec);

  // Drops the sequence counters of a region (the national generator moves on).
  void forget_region(std::string_view region);

 private:
  std::string id_number(std::string_view region, int birth_year);

  Rng& rng_;
  // (region, birth year) -> sequence numbers handed out; each gives 500 women a year.
  std::unordered_map<std::uint64_t, int> sequences_;
};

}  // namespace jinguo::demo
