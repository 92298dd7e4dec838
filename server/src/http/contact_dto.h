#pragma once
// Wire shapes of the contacts and re-elections of forms 1 and 2 (docs/api-contract.md,
// "Issue 11 (first step)": Contact, Reelection).
#include <vector>

#include "http/json_writer.h"
#include "storage/contact_repository.h"
#include "storage/reelection_repository.h"

namespace jinguo::http::dto {

// {id, organisation_id, organisation_name, name, post, office_phone, mobile, email, start_on, end_on}
void contact(JsonWriter& w, const storage::ContactRow& row);
// {"items": [Contact]}
void contacts(JsonWriter& w, const std::vector<storage::ContactRow>& rows);
// {id, organisation_id, held_on, term_years, next_on, delegates, delegates_minority, delegates_party,
//  delegates_grassroots, delegates_under_35, notes}
void reelection(JsonWriter& w, const storage::ReelectionRow& row);
// {"items": [Reelection]}
void reelections(JsonWriter& w, const std::vector<storage::ReelectionRow>& rows);

}  // namespace jinguo::http::dto
