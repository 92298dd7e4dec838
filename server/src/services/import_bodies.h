#pragma once
// The bodies an import's rows name (所在组织, 推荐单位), shared by the roster import
// (services/importing) and the survey archives' (services/archive_importing): a path ending
// in its name (呼兰区妇联/二八镇妇联), a name unique in the subtree, or a 12-digit division code;
// never a body outside the subtree, and the same "not found" for one that lies outside.
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "domain/date.h"
#include "domain/import/values.h"
#include "domain/organisation.h"
#include "services/registry.h"
#include "storage/database.h"

namespace jinguo::services {

// A body a row may name: what the import needs of it.
struct BodyRef {
  domain::OrganisationId id = 0;
  domain::BodyType type = domain::BodyType::kCity;
  std::optional<domain::OrganisationId> parent_id;
  std::string name;
};

using BodyOrError = std::variant<BodyRef, domain::import::ValueError>;

// The open body of the subtree at `within_path` with this division code, if any.
std::optional<BodyRef> open_body_with_code(const storage::ReadTx& tx, const std::string& within_path,
                                           const std::string& code, const domain::Date& today);

// The open bodies of the subtree, read once on `tx` (one query, not one a row), by name; and
// the names of the root's ancestors, for paths written from the city down. A division code,
// rare, is asked of `by_code` (open_body_with_code on the caller's transaction).
class BodyIndex {
 public:
  using CodeLookup = std::function<std::optional<BodyRef>(const std::string& code)>;
  BodyIndex(const storage::ReadTx& tx, const OrganisationDetail& root, const domain::Date& today, CodeLookup by_code);

  BodyRef root() const { return by_id_.at(within_).body; }
  BodyOrError find(const std::string& text) const;

 private:
  struct Entry {
    BodyRef body;
    bool in_subtree = false;
  };
  void add(BodyRef body, bool in_subtree);
  // The names in the subtree whose stem is the stem of `name` (后岗村 → 后岗村妇代会), at most
  // three: asked only when a name is not found, so the stems are gathered at the first miss.
  std::vector<std::string> near_names(const std::string& name) const;

  CodeLookup by_code_;
  domain::OrganisationId within_;
  std::unordered_map<domain::OrganisationId, Entry> by_id_;
  std::unordered_multimap<std::string, domain::OrganisationId> by_name_;
  mutable std::optional<std::unordered_multimap<std::string, domain::OrganisationId>> by_stem_;
};

}  // namespace jinguo::services
