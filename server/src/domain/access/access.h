#pragma once
// Who may do what: roles, permissions, delegation and the data scope of an account.
// Pure rules, no HTTP and no database (unit tested in tests/unit/access_test.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jinguo::domain {

// Highest first. The order is what delegation compares.
enum class Role { kSystemAdmin, kFederationAdmin, kOperator, kViewer };

enum class Permission { kRead, kWrite, kReveal, kManageAccounts, kViewAudit, kManageDictionaries };

std::string_view role_code(Role role);  // "system_admin", ...
std::optional<Role> role_from_code(std::string_view code);
std::string_view role_label(Role role);  // 系统管理员, ...
int role_rank(Role role);                // system_admin 4 … viewer 1

std::string_view permission_code(Permission p);
const std::vector<Permission>& all_permissions();

bool can(Role role, Permission permission);
// Throws DomainError 403 "forbidden" when the role lacks the permission.
void require(Role role, Permission permission);

// An account may give (create with, or change to) a role no higher than her own.
bool may_grant(Role actor, Role target);

// Whether an account may manage another (reset its password, change its role, organisation
// or active flag), or give an account a role at an organisation. Allowed for a lower role;
// for the same role only when the other stands at an organisation strictly below her own
// (a peer at her own level is managed from the level above); never for a higher role.
// The command line stands above every organisation (actor_organisation_path nullopt).
enum class AccountManagement { kAllowed, kRoleTooHigh, kPeer };
AccountManagement may_manage_account(Role actor, std::optional<std::string_view> actor_organisation_path,
                                     Role target, std::string_view target_organisation_path);
// Throws 403 role_too_high / peer_account unless may_manage_account allows it.
void require_may_manage_account(Role actor, std::optional<std::string_view> actor_organisation_path, Role target,
                                std::string_view target_organisation_path);

// The part of the tree an account sees: its organisation and every descendant. The
// system administrator's scope is the whole tree (path "/").
struct Scope {
  std::int64_t organisation_id = 0;  // 0: the whole tree
  std::string path = "/";            // materialised path of the organisation, "/1/23/"

  static Scope whole_tree() { return {}; }
  bool is_whole_tree() const { return path == "/"; }
  // Whether a body with this materialised path lies in the scope.
  bool contains(std::string_view organisation_path) const { return organisation_path.starts_with(path); }
  // The bounds of the index range of the subtree: path >= low AND path < high.
  std::string low() const { return path; }
  std::string high() const { return path + "~"; }
};

// The scope of an account: the whole tree for a system administrator, else her subtree.
Scope scope_of(Role role, std::int64_t organisation_id, const std::string& organisation_path);

// Usernames: 3–40 of [a-z0-9_.-], starting with a letter (throws 422 username_format).
void validate_username(std::string_view username);

}  // namespace jinguo::domain
