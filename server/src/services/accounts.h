#pragma once
// Accounts and sessions: signing in and out, the sessions of an account, changing a
// password (Auth); managing the accounts of a subtree (Accounts). Reading the audit is
// services/audit_trail.h.
// Every change writes its audit record in the same transaction.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/access/throttle.h"
#include "services/actor.h"
#include "services/audit_names.h"
#include "services/crypto.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::services {

struct SessionPolicy {
  std::int64_t idle_seconds = 30 * 60;
  std::int64_t absolute_seconds = 12 * 3600;
  std::int64_t touch_every_seconds = 60;  // last_seen_at is written at most this often
  domain::ThrottlePolicy throttle;
};

using UnixClock = std::function<std::int64_t()>;
std::int64_t unix_now();
std::string iso_of_unix(std::int64_t seconds);  // "2026-11-28T09:30:00Z"

struct Client {
  std::string address;
  std::optional<std::string> user_agent;
};

// A signed-in request: who (the actor with her scope) and through which session.
struct Authenticated {
  Actor actor;
  storage::AccountRow account;
  storage::SessionRow session;
};

struct LoginResult {
  std::string token;  // goes to the cookie; only its hash is stored
  Authenticated who;
};

class Auth {
 public:
  Auth(storage::Database& db, PasswordHasher& hasher, SessionPolicy policy, UnixClock now = unix_now);

  // Throws 401 login_failed (unknown name, wrong password, inactive) or 429 login_locked. A
  // password hash made with other parameters than the hasher's is replaced by a new one in the
  // write that records the sign-in (audited there as password "rehashed").
  LoginResult Login(const std::string& username, const std::string& password, const Client& client);
  // The session of a token: throws 401 not_authenticated / session_expired.
  Authenticated Authenticate(const std::string& token, const std::string& address);
  void Logout(const Authenticated& who);
  std::vector<storage::SessionRow> Sessions(const Authenticated& who);
  void EndSession(const Authenticated& who, const std::string& public_id);
  void ChangePassword(const Authenticated& who, const std::string& current, const std::string& next);

  const SessionPolicy& policy() const { return policy_; }

 private:
  void record_failure(const std::string& username, const std::optional<storage::AccountRow>& account,
                      const Client& client, const std::string& reason);
  storage::Database& db_;
  PasswordHasher& hasher_;
  SessionPolicy policy_;
  UnixClock now_;
};

struct NewAccount {
  std::string username;
  std::string password;
  domain::OrganisationId organisation_id = 0;
  std::string role;
};

struct AccountChanges {
  std::optional<std::string> role;
  std::optional<domain::OrganisationId> organisation_id;
  std::optional<bool> active;
  std::optional<std::string> password;  // a reset by an administrator
};

class Accounts {
 public:
  Accounts(storage::Database& db, PasswordHasher& hasher) : db_(db), hasher_(hasher) {}

  storage::Page<storage::AccountRow> List(const Actor& actor, storage::AccountFilter filter,
                                          std::optional<domain::OrganisationId> within, const storage::PageSpec& page);
  storage::AccountRow Get(const Actor& actor, std::int64_t id);
  storage::AccountRow Create(const Actor& actor, const NewAccount& input);
  storage::AccountRow Update(const Actor& actor, std::int64_t id, const AccountChanges& changes);

 private:
  storage::Database& db_;
  PasswordHasher& hasher_;
};

}  // namespace jinguo::services
