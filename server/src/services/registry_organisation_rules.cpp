#include "services/registry_organisation_rules.h"

#include "domain/text.h"

namespace jinguo::services::organisation_rules {

using domain::Date;
using domain::OrganisationId;
using storage::OrganisationRepository;

domain::DomainError no_organisation(const std::string& field) {
  return domain::not_found(field, "组织不存在", "no such organisation");
}

storage::OrganisationRow load(const storage::ReadTx& tx, const domain::Scope& scope, OrganisationId id,
                              const Date& today, const std::string& field) {
  auto row = OrganisationRepository(tx).find(scope, id, today);
  if (!row) throw no_organisation(field);
  return *row;
}

void refuse_scope_root(const Actor& actor, OrganisationId id) {
  if (!actor.scope.is_whole_tree() && id == actor.scope.organisation_id) throw no_organisation("id");
}

void require_open(const storage::OrganisationRow& row, const std::string& field) {
  if (!row.organisation.is_open())
    throw domain::invalid("organisation_closed", field, "该组织已撤销", "the organisation is closed");
}

void require_parent_type(domain::BodyType child, std::optional<domain::BodyType> parent) {
  if (domain::may_stand_under(child, parent)) return;
  std::string allowed;
  if (parent)
    for (auto t : domain::child_types_of(*parent))
      allowed += (allowed.empty() ? "" : "、") + std::string(domain::body_type_label(t));
  throw domain::invalid(
      "parent_type_not_allowed", "parent_id",
      parent ? std::string(domain::body_type_label(child)) + "不能设在" +
                   std::string(domain::body_type_label(*parent)) + "之下" +
                   (allowed.empty() ? "" : "（可设：" + allowed + "）")
             : std::string(domain::body_type_label(child)) + "必须有上级组织",
      parent ? std::string(domain::body_type_code(child)) + " cannot stand under " +
                   std::string(domain::body_type_code(*parent))
             : std::string(domain::body_type_code(child)) + " needs a parent");
}

OrganisationDetail detail(const storage::ReadTx& tx, storage::OrganisationRow row) {
  auto path = OrganisationRepository(tx).path_of(row.path);
  return {std::move(row), std::move(path)};
}

}  // namespace jinguo::services::organisation_rules
