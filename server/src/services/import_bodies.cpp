#include "services/import_bodies.h"

#include <algorithm>

#include "storage/compliance_queries.h"
#include "storage/repositories.h"

namespace jinguo::services {

using domain::import::ValueError;

std::optional<BodyRef> open_body_with_code(const storage::ReadTx& tx, const std::string& within_path,
                                           const std::string& code, const domain::Date& today) {
  // Exactly that code (the first page of a whole subtree missed it in a city of 3,000 bodies).
  storage::SearchFilter filter{std::string(), within_path, std::nullopt, false, code};
  storage::PageSpec page;
  page.page_size = 2;
  for (const auto& d : storage::OrganisationRepository(tx).search(filter, page, today).items)
    if (d.organisation.is_open()) return BodyRef{d.organisation.id, d.organisation.type, d.organisation.parent_id, d.organisation.name};
  return std::nullopt;
}

BodyIndex::BodyIndex(const storage::ReadTx& tx, const OrganisationDetail& root, const domain::Date& today,
                     CodeLookup by_code)
    : by_code_(std::move(by_code)), within_(root.row.organisation.id) {
  for (std::size_t i = 0; i < root.path.size(); ++i)
    add({root.path[i].id, root.path[i].type, i > 0 ? std::optional(root.path[i - 1].id) : std::nullopt,
         root.path[i].name},
        false);
  for (auto& b : storage::ComplianceQueries(tx).bodies(root.row.path, today))
    add({b.id, b.type, b.parent_id, std::move(b.name)}, true);
  add({root.row.organisation.id, root.row.organisation.type, root.row.organisation.parent_id,
       root.row.organisation.name},
      true);
}

BodyOrError BodyIndex::find(const std::string& text) const {
  const std::vector<std::string> parts = domain::import::organisation_path_parts(text);
  if (parts.empty()) return ValueError{"organisation_unknown", "请填写任职的组织", "the organisation is missing"};
  if (parts.size() == 1 && domain::import::is_division_code(parts[0])) {
    if (auto found = by_code_(parts[0])) return *found;
    return ValueError{"organisation_unknown", "本单位范围内没有区划代码为“" + text + "”的组织，请核对",
                      "no organisation with that division code in your subtree"};
  }
  std::vector<const BodyRef*> matches;
  auto [from, to] = by_name_.equal_range(parts.back());
  for (auto it = from; it != to; ++it) {
    const Entry& e = by_id_.at(it->second);
    if (!e.in_subtree) continue;
    bool agrees = true;  // the path's earlier parts name its ancestors, nearest last
    std::optional<domain::OrganisationId> up = e.body.parent_id;
    for (std::size_t i = parts.size() - 1; agrees && i-- > 0;) {
      auto found = up ? by_id_.find(*up) : by_id_.end();
      agrees = found != by_id_.end() && found->second.body.name == parts[i];
      if (agrees) up = found->second.body.parent_id;
    }
    if (agrees) matches.push_back(&e.body);
  }
  if (matches.empty()) {
    std::string zh = "本单位范围内没有名为“" + text + "”的组织，请核对名称或写出路径";
    std::string en = "no organisation named \"" + text + "\" in your subtree";
    if (auto meant = near_names(parts.back()); !meant.empty()) {
      zh += "。您是否要写";
      for (std::size_t i = 0; i < meant.size(); ++i) zh += (i ? "或“" : "“") + meant[i] + "”";
      zh += "？";
      en += "; did you mean \"" + meant.front() + "\"?";
    }
    return ValueError{"organisation_unknown", zh, en};
  }
  if (matches.size() > 1) {
    std::string parent;
    if (auto p = matches[0]->parent_id; p && by_id_.contains(*p)) parent = by_id_.at(*p).body.name + "/";
    return ValueError{"organisation_ambiguous",
                      "本单位范围内有" + std::to_string(matches.size()) + "个名为“" + parts.back() +
                          "”的组织，请写出路径，如“" + parent + parts.back() + "”",
                      "several organisations have that name: write its path"};
  }
  return *matches.front();
}

std::vector<std::string> BodyIndex::near_names(const std::string& name) const {
  if (!by_stem_) {
    by_stem_.emplace();
    for (const auto& [id, e] : by_id_)
      if (e.in_subtree) by_stem_->emplace(domain::import::organisation_name_stem(e.body.name), id);
  }
  std::vector<std::string> out;
  auto [from, to] = by_stem_->equal_range(domain::import::organisation_name_stem(name));
  for (auto it = from; it != to; ++it) {
    const std::string& found = by_id_.at(it->second).body.name;
    if (found != name && std::find(out.begin(), out.end(), found) == out.end()) out.push_back(found);
  }
  std::sort(out.begin(), out.end());
  if (out.size() > 3) out.resize(3);
  return out;
}

void BodyIndex::add(BodyRef body, bool in_subtree) {
  auto id = body.id;
  if (by_id_.contains(id)) {
    by_id_[id].in_subtree = by_id_[id].in_subtree || in_subtree;
    return;
  }
  by_name_.emplace(body.name, id);
  by_id_.emplace(id, Entry{std::move(body), in_subtree});
}

}  // namespace jinguo::services
