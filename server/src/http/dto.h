#pragma once
// Wire shapes: how domain objects and read models look in JSON (docs/api-contract.md).
// Never a stored row as it is: each field is chosen here. Each shape writes one JSON value
// into the writer; `*_fields` write the fields of an object that a larger shape extends.
#include "domain/dictionary.h"
#include "http/json_writer.h"
#include "services/accounts.h"
#include "services/home.h"
#include "services/import_jobs.h"
#include "services/registry.h"
#include "storage/repositories.h"

namespace jinguo::http::dto {

// Who reads an answer, for the fields that depend on her: today (current) and whether she
// may write (deletable).
struct Viewer {
  domain::Date today;
  bool may_write = false;
};
inline Viewer viewer_of(const services::Actor& actor, const domain::Date& today) {
  return {today, domain::can(actor.role, domain::Permission::kWrite)};
}

void organisation_fields(JsonWriter& w, const storage::OrganisationRow& row);
void organisation(JsonWriter& w, const storage::OrganisationRow& row);
void path(JsonWriter& w, const std::vector<storage::PathEntry>& path);
void organisation_with_path(JsonWriter& w, const services::OrganisationDetail& d);  // search results
void organisation_detail(JsonWriter& w, const services::OrganisationDetail& d);     // + path, allowed_child_types
void person(JsonWriter& w, const domain::Person& p);
// [{organisation_id, organisation_name, role_label}]: a person's positions held on the day.
void current_positions(JsonWriter& w, const std::vector<storage::CurrentPosition>& items);
void person_summary(JsonWriter& w, const services::PersonSummary& s);
void person_detail(JsonWriter& w, const services::PersonDetail& d, const Viewer& viewer);
void position_fields(JsonWriter& w, const storage::PositionRow& row, const Viewer& viewer);
void position(JsonWriter& w, const storage::PositionRow& row, const Viewer& viewer);
void roster(JsonWriter& w, const services::Roster& r);
void organisation_history(JsonWriter& w, const std::vector<storage::VersionRow>& versions);  // {"items": [...]}
void merge_result(JsonWriter& w, const services::MergeResult& r);
void dictionary_entry(JsonWriter& w, const domain::DictionaryEntry& e);
void dictionary_entries(JsonWriter& w, const std::vector<domain::DictionaryEntry>& entries);  // one kind
void dictionaries(JsonWriter& w, const std::vector<domain::DictionaryEntry>& entries);        // by kind
void meta(JsonWriter& w, const domain::Date& today);
void account(JsonWriter& w, const storage::AccountRow& a);  // never the password hash
// Never the token or its hash.
void session(JsonWriter& w, const storage::SessionRow& s, const std::string& current_token_hash);
void audit_record(JsonWriter& w, const services::AuditRecord& r);
void start_page(JsonWriter& w, const services::StartPage& p);  // GET /api/home
void import_job(JsonWriter& w, const services::ImportJob& job);
void import_row(JsonWriter& w, const services::ImportJobRow& row);

// {items, total, page, page_size}: `item(w, x)` writes each item.
template <class T, class F>
JsonWriter page(const storage::Page<T>& p, const storage::PageSpec& spec, F&& item) {
  JsonWriter w;
  w.begin_object().key("items").array(p.items, [&](const T& x) { item(w, x); });
  w.field("total", p.total).field("page", spec.page).field("page_size", spec.page_size).end_object();
  return w;
}

}  // namespace jinguo::http::dto
