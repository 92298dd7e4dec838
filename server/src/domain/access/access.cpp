#include "domain/access/access.h"

#include <algorithm>
#include <array>

#include "domain/error.h"

namespace jinguo::domain {

namespace {

struct RoleInfo {
  Role role;
  std::string_view code, label;
  int rank;
};
constexpr std::array<RoleInfo, 4> kRoles{{{Role::kSystemAdmin, "system_admin", "系统管理员", 4},
                                          {Role::kFederationAdmin, "federation_admin", "妇联管理员", 3},
                                          {Role::kOperator, "operator", "操作员", 2},
                                          {Role::kViewer, "viewer", "查看者", 1}}};

const RoleInfo& info(Role role) {
  return *std::find_if(kRoles.begin(), kRoles.end(), [&](const RoleInfo& r) { return r.role == role; });
}

}  // namespace

std::string_view role_code(Role role) { return info(role).code; }
std::string_view role_label(Role role) { return info(role).label; }
int role_rank(Role role) { return info(role).rank; }

std::optional<Role> role_from_code(std::string_view code) {
  for (const auto& r : kRoles)
    if (r.code == code) return r.role;
  return std::nullopt;
}

std::string_view permission_code(Permission p) {
  switch (p) {
    case Permission::kRead: return "read";
    case Permission::kWrite: return "write";
    case Permission::kReveal: return "reveal";
    case Permission::kManageAccounts: return "manage_accounts";
    case Permission::kViewAudit: return "view_audit";
    case Permission::kManageDictionaries: return "manage_dictionaries";
  }
  return "";
}

const std::vector<Permission>& all_permissions() {
  static const std::vector<Permission> all{Permission::kRead,           Permission::kWrite,
                                           Permission::kReveal,         Permission::kManageAccounts,
                                           Permission::kViewAudit,      Permission::kManageDictionaries};
  return all;
}

bool can(Role role, Permission permission) {
  switch (permission) {
    case Permission::kRead: return true;
    case Permission::kWrite:
    case Permission::kReveal: return role_rank(role) >= role_rank(Role::kOperator);
    case Permission::kManageAccounts:
    case Permission::kViewAudit: return role_rank(role) >= role_rank(Role::kFederationAdmin);
    case Permission::kManageDictionaries: return role == Role::kSystemAdmin;
  }
  return false;
}

void require(Role role, Permission permission) {
  if (!can(role, permission))
    throw DomainError(ErrorKind::kForbidden, "forbidden", "", "当前账号的角色无权执行此操作",
                      "the account's role may not do this (" + std::string(permission_code(permission)) + ")");
}

bool may_grant(Role actor, Role target) {
  return can(actor, Permission::kManageAccounts) && role_rank(target) <= role_rank(actor);
}

AccountManagement may_manage_account(Role actor, std::optional<std::string_view> actor_organisation_path,
                                     Role target, std::string_view target_organisation_path) {
  if (!can(actor, Permission::kManageAccounts) || role_rank(target) > role_rank(actor))
    return AccountManagement::kRoleTooHigh;
  if (role_rank(target) < role_rank(actor) || !actor_organisation_path) return AccountManagement::kAllowed;
  const bool strictly_below = target_organisation_path.size() > actor_organisation_path->size() &&
                              target_organisation_path.starts_with(*actor_organisation_path);
  return strictly_below ? AccountManagement::kAllowed : AccountManagement::kPeer;
}

void require_may_manage_account(Role actor, std::optional<std::string_view> actor_organisation_path, Role target,
                                std::string_view target_organisation_path) {
  switch (may_manage_account(actor, actor_organisation_path, target, target_organisation_path)) {
    case AccountManagement::kAllowed: return;
    case AccountManagement::kRoleTooHigh:
      throw DomainError(ErrorKind::kForbidden, "role_too_high", "role", "不能授予或管理高于自己角色的账号",
                        "cannot grant or manage a role above one's own");
    case AccountManagement::kPeer:
      throw DomainError(ErrorKind::kForbidden, "peer_account", "role",
                        "不能管理与自己同级的账号：与您角色相同的账号只能由上级组织的管理员管理",
                        "an account of one's own role is managed only from an organisation above it");
  }
}

Scope scope_of(Role role, std::int64_t organisation_id, const std::string& organisation_path) {
  if (role == Role::kSystemAdmin) return Scope::whole_tree();
  return Scope{organisation_id, organisation_path};
}

void validate_username(std::string_view u) {
  bool ok = u.size() >= 3 && u.size() <= 40 && u[0] >= 'a' && u[0] <= 'z';
  for (char c : u)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-');
  if (!ok)
    throw invalid("username_format", "username", "用户名为3至40位小写字母、数字或_.-，以字母开头",
                  "a username is 3-40 of a-z 0-9 _ . - and starts with a letter");
}

}  // namespace jinguo::domain
