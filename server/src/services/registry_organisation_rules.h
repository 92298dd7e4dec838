#pragma once
// What every use case on a body checks before it changes the tree (shared by
// registry_organisations.cpp and registry_restructuring.cpp; not an API of its own).
#include <optional>
#include <string>

#include "domain/error.h"
#include "domain/organisation.h"
#include "services/actor.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::services::organisation_rules {

domain::DomainError no_organisation(const std::string& field);
// The body in the caller's scope, or 404 on `field`.
storage::OrganisationRow load(const storage::ReadTx& tx, const domain::Scope& scope, domain::OrganisationId id,
                              const domain::Date& today, const std::string& field = "id");
// Moving, merging or closing the root of one's own subtree reaches above it: as if it did not exist.
void refuse_scope_root(const Actor& actor, domain::OrganisationId id);
void require_open(const storage::OrganisationRow& row, const std::string& field);
void require_parent_type(domain::BodyType child, std::optional<domain::BodyType> parent);
OrganisationDetail detail(const storage::ReadTx& tx, storage::OrganisationRow row);

}  // namespace jinguo::services::organisation_rules
