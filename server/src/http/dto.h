#pragma once
// Wire shapes: how domain objects and read models look in JSON (docs/api-contract.md).
// Never a stored row as it is: each field is chosen here.
#include <nlohmann/json.hpp>

#include "domain/dictionary.h"
#include "services/accounts.h"
#include "services/registry.h"
#include "storage/repositories.h"

namespace jinguo::http::dto {

using nlohmann::json;

json organisation(const storage::OrganisationRow& row);
json path(const std::vector<storage::PathEntry>& path);
json organisation_detail(const services::OrganisationDetail& d);  // + path, allowed_child_types
json person(const domain::Person& p);
json person_summary(const services::PersonSummary& s);
json person_detail(const services::PersonDetail& d, const domain::Date& today);
json position(const storage::PositionRow& row, const domain::Date& today);
json roster(const services::Roster& r);
json dictionary_entry(const domain::DictionaryEntry& e);
json dictionaries(const std::vector<domain::DictionaryEntry>& entries);
json meta(const domain::Date& today);
json account(const storage::AccountRow& a);  // never the password hash
json session(const storage::SessionRow& s, const std::string& current_token_hash);  // never the token or its hash
json audit_record(const storage::StoredAuditEvent& e);

template <class T, class F>
json page(const storage::Page<T>& p, const storage::PageSpec& spec, F&& item) {
  json items = json::array();
  for (const auto& x : p.items) items.push_back(item(x));
  return {{"items", std::move(items)}, {"total", p.total}, {"page", spec.page}, {"page_size", spec.page_size}};
}

}  // namespace jinguo::http::dto
