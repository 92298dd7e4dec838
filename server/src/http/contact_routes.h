#pragma once
// Routes of the contacts and re-elections behind forms 1 and 2 (docs/api-contract.md,
// "Issue 11 (first step)", "Contacts and re-elections").
#include "http/api.h"
#include "services/contacts.h"
#include "services/reelections.h"

namespace jinguo::http {

void add_contact_routes(Api& api, services::Contacts& contacts, services::Reelections& reelections);

}  // namespace jinguo::http
