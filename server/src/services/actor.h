#pragma once
// Who asks: the account behind a request (or the CLI), with her role and the part of the
// tree she may see and change. Every use case takes one; the scope goes down to storage.
// The default actor is the system's (whole tree, system administrator): the CLI and tests.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/access/access.h"

namespace jinguo::services {

struct Actor {
  std::string name;                               // username, or "cli:<user>", "system"
  std::optional<std::string> address = std::nullopt;           // client address of an HTTP request
  std::optional<std::int64_t> account_id = std::nullopt;
  std::optional<std::int64_t> organisation_id = std::nullopt;  // the account's organisation
  domain::Role role = domain::Role::kSystemAdmin;
  domain::Scope scope = domain::Scope::whole_tree();
  // The registry's generation read with the session as the request began (one round trip for
  // both): kept answers are looked up under it. None (the CLI, tests): read when needed.
  std::optional<std::int64_t> registry_generation = std::nullopt;
};

// Administrators may give a reason to appoint past the staffing rules (audited).
inline bool is_administrator(const Actor& actor) {
  return actor.role == domain::Role::kSystemAdmin || actor.role == domain::Role::kFederationAdmin;
}

}  // namespace jinguo::services
