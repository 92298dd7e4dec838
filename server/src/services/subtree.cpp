#include "services/subtree.h"

#include "domain/error.h"
#include "storage/repositories.h"

namespace jinguo::services {

std::string subtree_path(const storage::ReadTx& tx, const Actor& actor, std::optional<domain::OrganisationId> within,
                         const std::string& field) {
  if (!within) return actor.scope.path;
  auto path = storage::OrganisationRepository(tx).path_in(actor.scope, *within);
  if (!path) throw domain::not_found(field, "组织不存在", "no such organisation");
  return *path;
}

}  // namespace jinguo::services
