#pragma once
// The Harbin demo's records behind forms 1 and 2: for each district, county and county-level
// city federation, the contact of the expansion work (联系人) and its last re-election (换届),
// held in 2013 or 2014 for a term of five years, with plausible delegate numbers.
// Deterministic: a seed and a body give the same records on every machine.
#include <cstdint>
#include <vector>

#include "domain/contact.h"
#include "domain/organisation.h"
#include "domain/reelection.h"

namespace jinguo::demo {

struct FormRecords {
  domain::Contact contact;        // organisation_id set, id 0
  domain::Reelection reelection;  // organisation_id set, id 0
};

// One FormRecords for each body given of the district level (others are skipped), in order.
// Every record passes the domain rules on `today` (2016-06-02 or later).
std::vector<FormRecords> harbin_form_records(const std::vector<domain::Organisation>& bodies, std::uint64_t seed);

}  // namespace jinguo::demo
