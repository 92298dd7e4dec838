#include <ctime>

#include "domain/access/password_policy.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "services/accounts.h"
#include "services/audit.h"
#include "services/crypto.h"

namespace jinguo::services {

namespace {

// Login attempts matter only to throttling (a 15-minute window); a day is ample.
constexpr std::int64_t kKeepAttemptsSeconds = 24 * 60 * 60;

domain::DomainError login_failed() {
  return domain::unauthorized("login_failed", "用户名或密码错误", "wrong username or password");
}

domain::DomainError login_locked(const domain::ThrottleDecision& decision, std::int64_t now) {
  std::int64_t until = decision.locked_until.value_or(now);
  return domain::DomainError(domain::ErrorKind::kTooManyRequests, "login_locked", "",
                             "登录失败次数过多，请于" + iso_of_unix(until) + "后再试",
                             "too many failed logins: locked until " + iso_of_unix(until))
      .with_detail("locked_until", iso_of_unix(until))
      .with_detail("retry_after", std::to_string(until - now));
}

Actor actor_of(const storage::AccountRow& a, const std::string& address) {
  Actor actor;
  actor.name = a.username;
  actor.address = address;
  actor.account_id = a.id;
  actor.organisation_id = a.organisation_id;
  actor.role = a.role;
  actor.scope = domain::scope_of(a.role, a.organisation_id, a.organisation_path);
  return actor;
}

}  // namespace

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string iso_of_unix(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Auth::Auth(storage::Database& db, PasswordHasher& hasher, SessionPolicy policy, UnixClock now)
    : db_(db), hasher_(hasher), policy_(policy), now_(now ? std::move(now) : UnixClock(unix_now)) {}

void Auth::record_failure(const std::string& username, const std::optional<storage::AccountRow>& account,
                          const Client& client, const std::string& reason) {
  db_.write([&](storage::WriteTx& tx) {
    storage::LoginAttemptRepository attempts(tx);
    const std::int64_t now = now_();
    attempts.forget_before(now - kKeepAttemptsSeconds);
    if (reason != "locked") attempts.record(username, client.address, now, false);
    Actor actor;
    actor.name = username.substr(0, 100);
    actor.address = client.address;
    if (account) actor.account_id = account->id;
    ChangeSet changes;
    changes.created("reason", reason);
    record_audit(tx, actor,
                 {"login_failed", "account", account ? std::to_string(account->id) : "",
                  account ? std::optional<std::int64_t>(account->organisation_id) : std::nullopt},
                 changes);
  });
}

LoginResult Auth::Login(const std::string& username, const std::string& password, const Client& client) {
  const std::int64_t now = now_();
  const std::int64_t since = now - policy_.throttle.window_seconds;
  struct Seen {
    std::optional<storage::AccountRow> account;
    domain::ThrottleDecision decision;
  };
  Seen seen = db_.read([&](storage::ReadTx& tx) {
    storage::LoginAttemptRepository attempts(tx);
    Seen s;
    s.decision = domain::decide_login(attempts.failures_of_username(username, since),
                                      attempts.failures_of_address(client.address, since), now, policy_.throttle);
    if (s.decision.allowed) s.account = storage::AccountRepository(tx).find_by_username(username);
    return s;
  });
  if (!seen.decision.allowed) {
    record_failure(username, std::nullopt, client, "locked");
    throw login_locked(seen.decision, now);
  }
  bool ok = false;
  if (seen.account && password.size() <= domain::kMaxPasswordLength) {
    ok = hasher_.verify(seen.account->password_hash, password);
  } else {
    hasher_.verify_dummy(password);  // the same time for unknown names
  }
  if (!ok || !seen.account->active) {
    record_failure(username, seen.account, client, !seen.account ? "unknown_username" : !ok ? "wrong_password" : "inactive");
    throw login_failed();
  }
  const std::string& stored_hash = seen.account->password_hash;
  const std::optional<std::string> rehashed =
      hasher_.needs_rehash(stored_hash) ? hasher_.rehash(password) : std::nullopt;
  const std::int64_t issued = now_();  // after the slow hash
  LoginResult result;
  result.token = random_hex(32);
  storage::SessionRow& s = result.who.session;
  s.token_hash = sha256_hex(result.token);
  s.public_id = random_hex(12);
  s.csrf_token = random_hex(32);
  s.account_id = seen.account->id;
  s.created_at = s.last_seen_at = issued;
  s.absolute_expires_at = issued + policy_.absolute_seconds;
  s.expires_at = std::min(issued + policy_.idle_seconds, s.absolute_expires_at);
  s.address = client.address;
  if (client.user_agent) s.user_agent = client.user_agent->substr(0, 300);
  result.who.account = *seen.account;
  result.who.account.password_hash.clear();
  result.who.actor = actor_of(result.who.account, client.address);
  db_.write([&](storage::WriteTx& tx) {
    storage::LoginAttemptRepository attempts(tx);
    attempts.forget_before(now - kKeepAttemptsSeconds);
    attempts.record(username, client.address, now, true);
    attempts.forget_failures_of(username);
    storage::SessionRepository sessions(tx);
    sessions.remove_expired(now);
    sessions.insert(s);
    ChangeSet changes;
    changes.created("session", s.public_id);
    // Only over the hash just verified: a password changed meanwhile stays changed.
    if (rehashed && storage::AccountRepository(tx).replace_password_hash(s.account_id, stored_hash, *rehashed))
      changes.created("password", std::string("rehashed"));  // the same password, the current parameters
    record_audit(tx, result.who.actor,
                 {"login", "session", s.public_id, result.who.account.organisation_id}, changes);
  });
  return result;
}

Authenticated Auth::Authenticate(const std::string& token, const std::string& address) {
  if (token.empty() || token.size() > 128)
    throw domain::unauthorized("not_authenticated", "请先登录", "not signed in");
  const std::string hash = sha256_hex(token);
  auto found = db_.read_one([&](storage::ReadTx& tx) { return storage::SessionRepository(tx).find(hash); });
  if (!found) throw domain::unauthorized("not_authenticated", "请先登录", "not signed in");
  const std::int64_t now = now_();
  if (!found->account.active || now >= found->session.expires_at || now >= found->session.absolute_expires_at) {
    db_.write([&](storage::WriteTx& tx) { storage::SessionRepository(tx).remove(hash); });
    throw domain::unauthorized("session_expired", "登录已过期，请重新登录", "the session has expired");
  }
  if (now - found->session.last_seen_at >= policy_.touch_every_seconds) {
    found->session.last_seen_at = now;
    found->session.expires_at = std::min(now + policy_.idle_seconds, found->session.absolute_expires_at);
    db_.write([&](storage::WriteTx& tx) {
      storage::SessionRepository(tx).touch(hash, found->session.last_seen_at, found->session.expires_at);
    });
  }
  Actor actor = actor_of(found->account, address);
  actor.registry_generation = found->registry_generation;
  return {std::move(actor), found->account, found->session};
}

void Auth::Logout(const Authenticated& who) {
  db_.write([&](storage::WriteTx& tx) {
    storage::SessionRepository(tx).remove(who.session.token_hash);
    ChangeSet changes;
    changes.add("session", std::optional<std::string>(who.session.public_id), std::optional<std::string>());
    record_audit(tx, who.actor, {"logout", "session", who.session.public_id, who.account.organisation_id}, changes);
  });
}

std::vector<storage::SessionRow> Auth::Sessions(const Authenticated& who) {
  const std::int64_t now = now_();
  auto rows = db_.read([&](storage::ReadTx& tx) { return storage::SessionRepository(tx).of_account(who.account.id); });
  std::vector<storage::SessionRow> out;
  for (auto& r : rows)
    if (r.expires_at > now && r.absolute_expires_at > now) out.push_back(std::move(r));
  return out;
}

void Auth::EndSession(const Authenticated& who, const std::string& public_id) {
  db_.write([&](storage::WriteTx& tx) {
    if (!storage::SessionRepository(tx).remove_public(who.account.id, public_id))
      throw domain::not_found("id", "会话不存在", "no such session");
    ChangeSet changes;
    changes.add("session", std::optional<std::string>(public_id), std::optional<std::string>());
    record_audit(tx, who.actor, {"session_end", "session", public_id, who.account.organisation_id}, changes);
  });
}

void Auth::ChangePassword(const Authenticated& who, const std::string& current, const std::string& next) {
  // Guessing the current password through a borrowed session is throttled like guessing at the sign-in.
  const std::int64_t now = now_();
  const std::int64_t since = now - policy_.throttle.window_seconds;
  const Client client{who.actor.address.value_or(who.session.address.value_or("")), std::nullopt};
  const std::string& username = who.account.username;
  struct Seen {
    std::optional<storage::AccountRow> account;
    domain::ThrottleDecision decision;
  };
  Seen seen = db_.read([&](storage::ReadTx& tx) {
    storage::LoginAttemptRepository attempts(tx);
    return Seen{storage::AccountRepository(tx).find_by_username(username),
                domain::decide_login(attempts.failures_of_username(username, since),
                                     attempts.failures_of_address(client.address, since), now, policy_.throttle)};
  });
  if (!seen.decision.allowed) {
    record_failure(username, seen.account, client, "locked");
    throw login_locked(seen.decision, now);
  }
  const auto& account = seen.account;
  if (!account || current.size() > domain::kMaxPasswordLength || !hasher_.verify(account->password_hash, current)) {
    record_failure(username, account, client, "wrong_current_password");
    throw domain::invalid("wrong_password", "current_password", "当前密码不正确", "the current password is wrong");
  }
  domain::validate_password(next, account->username, "new_password");
  std::string hash = hasher_.hash(next);
  db_.write([&](storage::WriteTx& tx) {
    std::string at = domain::utc_timestamp_now();
    storage::AccountRepository(tx).set_password(account->id, hash, at);
    storage::SessionRepository(tx).remove_all_of(account->id, who.session.token_hash);
    ChangeSet changes;
    changes.add("password_changed_at", account->password_changed_at, at);
    changes.created("password", std::string("changed"));  // never the password itself
    record_audit(tx, who.actor, {"password_change", "account", std::to_string(account->id), account->organisation_id},
                 changes);
  });
}

}  // namespace jinguo::services
