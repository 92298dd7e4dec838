#include "services/audit_names.h"

#include <set>

#include <nlohmann/json.hpp>

#include "storage/compliance_queries.h"

namespace jinguo::services {

namespace {

using Ids = std::set<std::int64_t>;

// The kind of id a field of `changes` holds, or nullptr.
const char* id_kind(const std::string& field) {
  if (field == "organisation_id" || field == "parent_id" || field == "into_id") return "organisation_id";
  if (field == "person_id") return "person_id";
  if (field == "account_id") return "account_id";
  return nullptr;
}

std::optional<std::int64_t> number_in(const nlohmann::json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  return std::nullopt;
}

std::optional<std::int64_t> id_of(const std::string& entity_id) {
  if (entity_id.empty() || entity_id.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : entity_id) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

template <class Map>
std::optional<std::string> find_in(const Map& names, std::optional<std::int64_t> id) {
  if (!id) return std::nullopt;
  auto it = names.find(*id);
  return it == names.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string role_label_of(const std::vector<domain::DictionaryEntry>& roles, const std::string& code) {
  for (const auto& e : roles)
    if (e.kind == domain::DictionaryKind::kRole && e.code == code) return e.label;
  return code;
}

}  // namespace

std::vector<AuditRecord> with_names(const storage::ReadTx& tx, std::vector<storage::StoredAuditEvent> events) {
  std::vector<AuditRecord> out;
  std::vector<nlohmann::json> changes;
  std::map<std::string, Ids> wanted;  // by kind
  Ids positions;
  bool dictionary = false;
  for (auto& e : events) {
    auto c = nlohmann::json::parse(e.event.changes, nullptr, false);
    if (!c.is_object()) c = nlohmann::json::object();
    for (const auto& [field, change] : c.items()) {
      const char* kind = id_kind(field);
      if (!kind || !change.is_object()) continue;
      for (const char* side : {"before", "after"})
        if (auto id = number_in(change.value(side, nlohmann::json()))) wanted[kind].insert(*id);
    }
    if (e.event.person_id) wanted["person_id"].insert(*e.event.person_id);
    auto entity = id_of(e.event.entity_id);
    if (e.event.entity == "position" && entity) positions.insert(*entity);
    if (e.event.entity == "account" && entity) wanted["account_id"].insert(*entity);
    if (e.event.entity == "organisation" && entity) wanted["organisation_id"].insert(*entity);
    if (e.event.entity == "dictionary_entry") dictionary = true;
    changes.push_back(std::move(c));
    out.push_back({std::move(e), std::nullopt, std::nullopt, {}});
  }
  auto list = [](const Ids& ids) { return std::vector<std::int64_t>(ids.begin(), ids.end()); };
  std::map<std::string, std::map<std::int64_t, std::string>> names;
  names["person_id"] = storage::ComplianceQueries(tx).person_names(list(wanted["person_id"]));
  for (const auto& [id, entry] : storage::OrganisationRepository(tx).entries(list(wanted["organisation_id"])))
    names["organisation_id"][id] = entry.name;
  names["account_id"] = storage::AccountRepository(tx).usernames(list(wanted["account_id"]));
  auto position_labels = storage::PositionRepository(tx).labels(list(positions));
  std::vector<domain::DictionaryEntry> entries;
  if (dictionary || !positions.empty()) entries = storage::DictionaryRepository(tx).list(std::nullopt);

  for (std::size_t i = 0; i < out.size(); ++i) {
    AuditRecord& r = out[i];
    const auto& e = r.stored.event;
    const auto& c = changes[i];
    r.person_name = find_in(names["person_id"], e.person_id);
    for (const auto& [field, change] : c.items()) {
      const char* kind = id_kind(field);
      if (!kind || !change.is_object()) continue;
      for (const char* side : {"before", "after"})
        if (auto id = number_in(change.value(side, nlohmann::json())))
          if (auto name = find_in(names[kind], id)) r.names[kind][*id] = *name;
    }
    auto entity = id_of(e.entity_id);
    if (e.entity == "person") {
      r.entity_label = find_in(names["person_id"], entity);
    } else if (e.entity == "organisation") {
      r.entity_label = find_in(names["organisation_id"], entity);
    } else if (e.entity == "account") {
      r.entity_label = find_in(names["account_id"], entity);
    } else if (e.entity == "position") {
      r.entity_label = find_in(position_labels, entity);
      if (!r.entity_label && r.person_name) {  // deleted: from what the record kept
        std::string role;
        if (c.contains("role") && c["role"].is_object())
          for (const char* side : {"before", "after"})
            if (c["role"].value(side, nlohmann::json()).is_string()) role = c["role"][side].get<std::string>();
        std::string label = *r.person_name;
        if (!role.empty()) label += " · " + role_label_of(entries, role);
        if (r.stored.organisation_name) label += " · " + *r.stored.organisation_name;
        r.entity_label = label;
      }
    } else if (e.entity == "dictionary_entry") {
      auto slash = e.entity_id.find('/');
      if (slash != std::string::npos) {
        auto kind = domain::dictionary_kind_from_code(e.entity_id.substr(0, slash));
        std::string code = e.entity_id.substr(slash + 1);
        for (const auto& d : entries)
          if (kind && d.kind == *kind && d.code == code) r.entity_label = d.label;
      }
    }
  }
  return out;
}

}  // namespace jinguo::services
