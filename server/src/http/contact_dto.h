#pragma once
// Wire shapes of the contacts and re-elections of forms 1 and 2 (docs/api-contract.md,
// "Issue 11 (first step)": Contact, Reelection; "Contact people per campaign").
#include <vector>

#include "http/json_writer.h"
#include "services/contacts.h"
#include "storage/contact_repository.h"
#include "storage/reelection_repository.h"

namespace jinguo::http::dto {

// {id, organisation_id, organisation_name, name, post, office_phone, mobile, email, start_on, end_on,
//  campaign_id, campaign_name}
void contact(JsonWriter& w, const storage::ContactRow& row);
// {"items": [Contact]}
void contacts(JsonWriter& w, const std::vector<storage::ContactRow>& rows);
// {campaign_id, on, missing, items: [{organisation_id, organisation_name, organisation_type, contacts}]}
void campaign_contacts(JsonWriter& w, const services::CampaignContacts& c);
// {id, organisation_id, held_on, term_years, next_on, delegates, delegates_minority, delegates_party,
//  delegates_grassroots, delegates_under_35, notes}
void reelection(JsonWriter& w, const storage::ReelectionRow& row);
// {"items": [Reelection]}
void reelections(JsonWriter& w, const std::vector<storage::ReelectionRow>& rows);

}  // namespace jinguo::http::dto
