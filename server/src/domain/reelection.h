#pragma once
// A re-election (换届) of a district, county, county-level city or city federation: the
// women's congress held on a day, the term it opened and its delegates (附表2). The next
// re-election is due `term_years` after. Pure rules.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/organisation.h"

namespace jinguo::domain {

using ReelectionId = std::int64_t;

inline constexpr int kDefaultTermYears = 5;  // terms were 3 years before 2016 and 5 after
inline constexpr int kMinTermYears = 1;
inline constexpr int kMaxTermYears = 10;
inline constexpr int kMaxDelegates = 100000;

struct Reelection {
  ReelectionId id = 0;
  OrganisationId organisation_id = 0;
  Date held_on;
  int term_years = kDefaultTermYears;
  int delegates = 0;               // delegates to the congress (代表)
  int delegates_minority = 0;      // of them: of an ethnic minority
  int delegates_party = 0;         // members of the Communist Party
  int delegates_grassroots = 0;    // from the grassroots (基层)
  int delegates_under_35 = 0;      // aged 35 or under
  std::optional<std::string> notes;
};

// The fields of a correction as the caller sent them (notes: null clears).
struct ReelectionChanges {
  std::optional<Date> held_on;
  std::optional<int> term_years, delegates, delegates_minority, delegates_party, delegates_grassroots,
      delegates_under_35;
  std::optional<std::optional<std::string>> notes;
};

// Whether a body of this type holds re-elections recorded here: district, county,
// county_city and city federations.
bool holds_reelections(BodyType type);
// Throws 422 reelection_body_type (field organisation_id) for any other type.
void require_reelection_body(BodyType type);

// The day the next re-election is due: held_on plus term_years years (29 February → 28).
Date next_reelection_on(const Reelection& r);

// Trims the notes (≤ 500 characters, blank is none) and checks every field, throwing
// DomainError 422 naming it: held_on from 1949 to today; term_years 1..10; delegates
// 0..100000; each breakdown 0..delegates.
void normalise_and_validate(Reelection& r, const Date& today);

// A new re-election of `body` from the fields the caller sent over the defaults (a term of 5
// years, no breakdowns, no notes), checked as above; held_on and delegates are required.
Reelection new_reelection(OrganisationId body, const ReelectionChanges& fields, const Date& today);

// The re-election after a correction, checked as above.
Reelection corrected(const Reelection& before, const ReelectionChanges& changes, const Date& today);

// The re-election in force on `on`: of those given (one body's, in any order), the latest
// held on or before `on`; nullopt if none was held by then.
std::optional<Reelection> reelection_in_force(const std::vector<Reelection>& reelections, const Date& on);

}  // namespace jinguo::domain
