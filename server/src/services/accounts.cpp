#include "domain/access/password_policy.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/person_query.h"
#include "domain/text.h"
#include "services/accounts.h"
#include "services/audit.h"
#include "services/crypto.h"

namespace jinguo::services {

namespace {

using domain::Role;

domain::DomainError no_account() { return domain::not_found("id", "账号不存在", "no such account"); }

Role parse_role(const std::string& code) {
  auto role = domain::role_from_code(code);
  if (!role) throw domain::invalid("unknown_role", "role", "未知的角色：" + code, "unknown role: " + code);
  return *role;
}

std::string organisation_path_in(const storage::ReadTx& tx, const domain::Scope& scope,
                                 domain::OrganisationId id, const std::string& field) {
  auto path = storage::OrganisationRepository(tx).path_in(scope, id);
  if (!path) throw domain::not_found(field, "组织不存在", "no such organisation");
  return *path;
}

// Where the actor stands when she manages accounts: her organisation's path, or nothing
// for the command line, which stands above every organisation.
std::optional<std::string> actor_organisation_path(const storage::ReadTx& tx, const Actor& actor) {
  if (!actor.organisation_id) return std::nullopt;
  return organisation_path_in(tx, domain::Scope::whole_tree(), *actor.organisation_id, "organisation_id");
}

}  // namespace

storage::Page<storage::AccountRow> Accounts::List(const Actor& actor, storage::AccountFilter filter,
                                                  std::optional<domain::OrganisationId> within,
                                                  const storage::PageSpec& page) {
  domain::require(actor.role, domain::Permission::kManageAccounts);
  return db_.read([&](storage::ReadTx& tx) {
    if (within) filter.within_path = organisation_path_in(tx, actor.scope, *within, "within");
    return storage::AccountRepository(tx).list(actor.scope, filter, page);
  });
}

storage::AccountRow Accounts::Get(const Actor& actor, std::int64_t id) {
  domain::require(actor.role, domain::Permission::kManageAccounts);
  return db_.read([&](storage::ReadTx& tx) {
    auto row = storage::AccountRepository(tx).find(actor.scope, id);
    if (!row) throw no_account();
    return *row;
  });
}

storage::AccountRow Accounts::Create(const Actor& actor, const NewAccount& input) {
  domain::require(actor.role, domain::Permission::kManageAccounts);
  domain::validate_username(input.username);
  Role role = parse_role(input.role);
  domain::validate_password(input.password, input.username);
  auto check_delegation = [&](const storage::ReadTx& tx) {
    auto path = organisation_path_in(tx, actor.scope, input.organisation_id, "organisation_id");
    domain::require_may_manage_account(actor.role, actor_organisation_path(tx, actor), role, path);
  };
  db_.read(check_delegation);  // before the slow hash
  std::string hash = hasher_.hash(input.password);
  return db_.write([&](storage::WriteTx& tx) {
    check_delegation(tx);
    storage::AccountRepository repo(tx);
    if (repo.find_by_username(input.username))
      throw domain::conflict("username_taken", "username", "该用户名已被使用", "the username is taken");
    storage::AccountRow row;
    row.username = input.username;
    row.password_hash = hash;
    row.organisation_id = input.organisation_id;
    row.role = role;
    row.active = true;
    auto id = repo.insert(row, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.created("username", row.username).created("organisation_id", row.organisation_id)
        .created("role", std::string(domain::role_code(role))).created("active", true);
    record_audit(tx, actor, {"create", "account", std::to_string(id), row.organisation_id}, changes);
    return *repo.find(domain::Scope::whole_tree(), id);
  });
}

storage::AccountRow Accounts::Update(const Actor& actor, std::int64_t id, const AccountChanges& input) {
  domain::require(actor.role, domain::Permission::kManageAccounts);
  if (actor.account_id == id) {  // one's own password only with the current one (POST /api/auth/password)
    if (input.password)
      throw domain::invalid("own_account", "password", "不能在此修改自己的密码，请使用右上角菜单中的“修改密码”",
                            "one's own password is changed through 'change password', with the current one");
    if (input.role || input.organisation_id || input.active)
      throw domain::invalid("own_account", "id", "不能修改自己账号的角色、组织或状态",
                            "one cannot change the role, organisation or active flag of one's own account");
  }
  std::optional<Role> role;
  if (input.role) role = parse_role(*input.role);
  auto target = db_.read([&](storage::ReadTx& tx) { return storage::AccountRepository(tx).find(actor.scope, id); });
  if (!target) throw no_account();
  std::optional<std::string> hash;
  if (input.password) {
    domain::validate_password(*input.password, target->username);
    hash = hasher_.hash(*input.password);
  }
  return db_.write([&](storage::WriteTx& tx) {
    storage::AccountRepository repo(tx);
    auto before = repo.find(actor.scope, id);
    if (!before) throw no_account();
    const auto standing = actor_organisation_path(tx, actor);
    domain::require_may_manage_account(actor.role, standing, before->role, before->organisation_path);
    storage::AccountRow after = *before;
    if (role) after.role = *role;
    if (input.organisation_id) {
      after.organisation_path = organisation_path_in(tx, actor.scope, *input.organisation_id, "organisation_id");
      after.organisation_id = *input.organisation_id;
    }
    domain::require_may_manage_account(actor.role, standing, after.role, after.organisation_path);
    if (input.active) after.active = *input.active;
    ChangeSet changes;
    changes.add("role", std::string(domain::role_code(before->role)), std::string(domain::role_code(after.role)))
        .add("organisation_id", before->organisation_id, after.organisation_id)
        .add("active", before->active, after.active);
    std::string now = domain::utc_timestamp_now();
    if (hash) {
      repo.set_password(id, *hash, now);
      changes.add("password_changed_at", before->password_changed_at, now);
      changes.created("password", std::string("reset"));  // never the password itself
    }
    if (changes.empty()) return *before;
    repo.update(after);
    if (hash || !after.active) storage::SessionRepository(tx).remove_all_of(id);
    record_audit(tx, actor, {"update", "account", std::to_string(id), after.organisation_id}, changes);
    return *repo.find(domain::Scope::whole_tree(), id);
  });
}

}  // namespace jinguo::services
