#pragma once
// The part of the tree a list reads: the caller's scope, or the subtree of a body she names
// (`organisation_id`, `within`), which must lie in her scope.
#include <optional>
#include <string>

#include "domain/organisation.h"
#include "services/actor.h"
#include "storage/database.h"

namespace jinguo::services {

// The materialised path of `within`'s subtree, or of the caller's scope when none is named. A
// body outside her scope answers 404 naming `field`, as one that does not exist.
std::string subtree_path(const storage::ReadTx& tx, const Actor& actor, std::optional<domain::OrganisationId> within,
                         const std::string& field);

}  // namespace jinguo::services
