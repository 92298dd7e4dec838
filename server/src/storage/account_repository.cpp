#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

// Columns of an account with its organisation; the two timestamps come first so that
// they can be formatted per backend.
constexpr const char* kAccountColumns =
    " a.id, a.username, a.password_hash, a.organisation_id, o.name, o.path, a.role, a.active "
    "FROM accounts a JOIN organisations o ON o.id = a.organisation_id";
constexpr const char* kWhereId = " WHERE a.id = $1 AND o.path >= $2 AND o.path < $3";
constexpr const char* kWhereUsername = " WHERE a.username = $1";
constexpr const char* kInsertAccount =
    "INSERT INTO accounts (username, password_hash, organisation_id, role, active, created_at, "
    "password_changed_at) VALUES (:username, :password_hash, :organisation_id, :role, :active, :created_at, "
    ":password_changed_at) RETURNING id";
constexpr const char* kUpdateAccount =
    "UPDATE accounts SET organisation_id = :organisation_id, role = :role, active = :active WHERE id = :id";
constexpr const char* kSetPassword =
    "UPDATE accounts SET password_hash = :hash, password_changed_at = :at WHERE id = :id";
constexpr const char* kReplacePasswordHash =
    "UPDATE accounts SET password_hash = :hash WHERE id = :id AND password_hash = :old";
constexpr const char* kCountAccounts = "SELECT COUNT(*) FROM accounts";

constexpr const char* kSelectSession =
    "SELECT s.public_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.absolute_expires_at, "
    "s.address, s.user_agent, a.id, a.username, a.organisation_id, o.name, o.path, a.role, a.active, "
    "(SELECT n FROM registry_generation WHERE id = 1) "
    "FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN organisations o ON o.id = a.organisation_id "
    "WHERE s.token_hash = $1";
constexpr const char* kSessionsOfAccount =
    "SELECT token_hash, public_id, created_at, last_seen_at, expires_at, absolute_expires_at, address, user_agent "
    "FROM sessions WHERE account_id = :account_id ORDER BY created_at DESC, public_id";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, public_id, account_id, csrf_token, created_at, last_seen_at, expires_at, "
    "absolute_expires_at, address, user_agent) VALUES (:token_hash, :public_id, :account_id, :csrf_token, "
    ":created_at, :last_seen_at, :expires_at, :absolute_expires_at, :address, :user_agent)";
constexpr const char* kTouchSession =
    "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = :token_hash";
constexpr const char* kDeletePublic = "DELETE FROM sessions WHERE account_id = :account_id AND public_id = :public_id";
constexpr const char* kDeleteOfAccount = "DELETE FROM sessions WHERE account_id = :account_id AND token_hash <> :keep";
constexpr const char* kDeleteExpired =
    "DELETE FROM sessions WHERE expires_at <= :now1 OR absolute_expires_at <= :now2";

constexpr const char* kFailuresOfUsername =
    "SELECT at FROM login_attempts WHERE username = $1 AND at >= $2 AND succeeded = 0";
constexpr const char* kFailuresOfAddress =
    "SELECT at FROM login_attempts WHERE address = $1 AND at >= $2 AND succeeded = 0";
constexpr const char* kInsertAttempt =
    "INSERT INTO login_attempts (username, address, at, succeeded) VALUES (:username, :address, :at, :succeeded)";
constexpr const char* kForgetFailures = "DELETE FROM login_attempts WHERE username = :username AND succeeded = 0";
constexpr const char* kForgetBefore = "DELETE FROM login_attempts WHERE at < $1";

// The row of select_account.
AccountRow read_account(const Statement& row) {
  AccountRow r;
  r.created_at = row.string(0);
  r.password_changed_at = row.string(1);
  r.id = row.integer(2);
  r.username = row.string(3);
  r.password_hash = row.string(4);
  r.organisation_id = row.integer(5);
  r.organisation_name = row.string(6);
  r.organisation_path = row.string(7);
  r.role = domain::role_from_code(row.text(8)).value_or(domain::Role::kViewer);
  r.active = row.boolean(9);
  return r;
}

std::string select_account(const ReadTx& tx) {
  return "SELECT " + iso_timestamp_sql(tx, "a.created_at") + ", " + iso_timestamp_sql(tx, "a.password_changed_at") +
         "," + kAccountColumns;
}

std::vector<std::int64_t> times(const ReadTx& tx, const char* sql, const std::string& key, std::int64_t since) {
  std::vector<std::int64_t> out;
  Statement row = tx.prepare(sql);
  row.bind(key).bind(since);
  while (row.step()) out.push_back(row.integer(0));
  return out;
}

}  // namespace

std::optional<AccountRow> AccountRepository::find(const domain::Scope& scope, std::int64_t id) const {
  Statement row = tx_.prepare(select_account(tx_) + kWhereId);
  row.bind(id).bind(scope.low()).bind(scope.high());
  if (!row.step()) return std::nullopt;
  return read_account(row);
}

std::optional<AccountRow> AccountRepository::find_by_username(const std::string& username) const {
  Statement row = tx_.prepare(select_account(tx_) + kWhereUsername);
  row.bind(username);
  if (!row.step()) return std::nullopt;
  return read_account(row);
}

Page<AccountRow> AccountRepository::list(const domain::Scope& scope, const AccountFilter& filter,
                                         const PageSpec& page) const {
  Binds b;
  std::string within = filter.within_path.value_or(scope.path);
  std::string where = " WHERE o.path >= " + b.add(within) + " AND o.path < " + b.add(within + "~");
  if (!filter.text.empty()) {
    std::string pattern = "%";
    for (char ch : filter.text)
      if (ch != '%' && ch != '_' && ch != '\\') pattern += ch;
    where += " AND a.username LIKE " + b.add(pattern + "%");
  }
  if (filter.role) where += " AND a.role = " + b.add(std::string(domain::role_code(*filter.role)));
  if (filter.active) where += std::string(" AND a.active = ") + (*filter.active ? "1" : "0");
  Page<AccountRow> out;
  {
    Statement count = tx_.prepare("SELECT COUNT(*) FROM accounts a JOIN organisations o ON o.id = a.organisation_id" + where);
    b.bind(count);
    count.step();
    out.total = count.integer(0);
  }
  std::string dir = page.descending ? " DESC" : " ASC";
  std::string limit = b.add(std::int64_t{page.page_size}), offset = b.add(std::int64_t{page.offset()});
  Statement row = tx_.prepare(select_account(tx_) + where + " ORDER BY a.username" + dir + " LIMIT " + limit +
                              " OFFSET " + offset);
  b.bind(row);
  while (row.step()) out.items.push_back(read_account(row));
  return out;
}

std::int64_t AccountRepository::insert(const AccountRow& a, const std::string& now) const {
  std::string username = a.username, hash = a.password_hash, role(domain::role_code(a.role)), created = now,
              changed = now;
  long long organisation = a.organisation_id, id = 0;
  int active = a.active ? 1 : 0;
  Query q(tx_.sql());
  q.into(id).use(username).use(hash).use(organisation).use(role).use(active).use(created).use(changed);
  q.run(kInsertAccount);
  return id;
}

void AccountRepository::update(const AccountRow& a) const {
  long long organisation = a.organisation_id, id = a.id;
  std::string role(domain::role_code(a.role));
  int active = a.active ? 1 : 0;
  Query q(tx_.sql());
  q.use(organisation).use(role).use(active).use(id);
  q.run(kUpdateAccount);
}

void AccountRepository::set_password(std::int64_t id, const std::string& hash, const std::string& now) const {
  std::string h = hash, at = now;
  long long key = id;
  Query q(tx_.sql());
  q.use(h).use(at).use(key);
  q.run(kSetPassword);
}

bool AccountRepository::replace_password_hash(std::int64_t id, const std::string& old_hash,
                                              const std::string& new_hash) const {
  std::string h = new_hash, old = old_hash;
  long long key = id;
  Query q(tx_.sql());
  q.use(h).use(key).use(old);
  q.run(kReplacePasswordHash);
  return q.affected_rows() > 0;
}

long long AccountRepository::count() const {
  long long n = 0;
  Query q(tx_.sql());
  q.into(n);
  q.run(kCountAccounts);
  return n;
}

// On every request: a kept statement (connection.h).
std::optional<AuthenticatedSession> SessionRepository::find(const std::string& token_hash) const {
  Statement row = tx_.prepare(kSelectSession);
  row.bind(token_hash);
  if (!row.step()) return std::nullopt;
  AuthenticatedSession out;
  auto& s = out.session;
  s.token_hash = token_hash;
  s.public_id = row.string(0);
  s.csrf_token = row.string(1);
  s.created_at = row.integer(2);
  s.last_seen_at = row.integer(3);
  s.expires_at = row.integer(4);
  s.absolute_expires_at = row.integer(5);
  s.address = row.nullable_text(6);
  s.user_agent = row.nullable_text(7);
  s.account_id = out.account.id = row.integer(8);
  out.account.username = row.string(9);
  out.account.organisation_id = row.integer(10);
  out.account.organisation_name = row.string(11);
  out.account.organisation_path = row.string(12);
  out.account.role = domain::role_from_code(row.string(13)).value_or(domain::Role::kViewer);
  out.account.active = row.boolean(14);
  out.registry_generation = row.integer(15);
  return out;
}

std::vector<SessionRow> SessionRepository::of_account(std::int64_t account_id) const {
  std::vector<SessionRow> out;
  SessionRow s;
  long long created = 0, seen = 0, expires = 0, absolute = 0, key = account_id;
  Nullable address, agent;
  Query q(tx_.sql());
  q.into(s.token_hash).into(s.public_id).into(created).into(seen).into(expires).into(absolute).into(address)
      .into(agent).use(key);
  q.open(kSessionsOfAccount);
  while (q.fetch()) {
    SessionRow r = s;
    r.account_id = account_id;
    r.created_at = created;
    r.last_seen_at = seen;
    r.expires_at = expires;
    r.absolute_expires_at = absolute;
    r.address = address.text();
    r.user_agent = agent.text();
    out.push_back(std::move(r));
  }
  return out;
}

void SessionRepository::insert(const SessionRow& s) const {
  std::string hash = s.token_hash, public_id = s.public_id, csrf = s.csrf_token;
  long long account = s.account_id, created = s.created_at, seen = s.last_seen_at, expires = s.expires_at,
            absolute = s.absolute_expires_at;
  Nullable address(s.address), agent(s.user_agent);
  Query q(tx_.sql());
  q.use(hash).use(public_id).use(account).use(csrf).use(created).use(seen).use(expires).use(absolute).use(address)
      .use(agent);
  q.run(kInsertSession);
}

void SessionRepository::touch(const std::string& token_hash, std::int64_t last_seen_at, std::int64_t expires_at) const {
  tx_.prepare(kTouchSession).bind(last_seen_at).bind(expires_at).bind(token_hash).run();
}

void SessionRepository::remove(const std::string& token_hash) const {
  std::string key = token_hash;
  Query q(tx_.sql());
  q.use(key);
  q.run(kDeleteSession);
}

bool SessionRepository::remove_public(std::int64_t account_id, const std::string& public_id) const {
  long long account = account_id;
  std::string key = public_id;
  Query q(tx_.sql());
  q.use(account).use(key);
  q.run(kDeletePublic);
  return q.affected_rows() > 0;
}

void SessionRepository::remove_all_of(std::int64_t account_id, const std::string& keep) const {
  long long account = account_id;
  std::string k = keep;
  Query q(tx_.sql());
  q.use(account).use(k);
  q.run(kDeleteOfAccount);
}

void SessionRepository::remove_expired(std::int64_t now) const {
  long long a = now, b = now;
  Query q(tx_.sql());
  q.use(a).use(b);
  q.run(kDeleteExpired);
}

std::vector<std::int64_t> LoginAttemptRepository::failures_of_username(const std::string& username,
                                                                      std::int64_t since) const {
  return times(tx_, kFailuresOfUsername, username, since);
}

std::vector<std::int64_t> LoginAttemptRepository::failures_of_address(const std::string& address,
                                                                     std::int64_t since) const {
  return times(tx_, kFailuresOfAddress, address, since);
}

void LoginAttemptRepository::record(const std::string& username, const std::string& address, std::int64_t at,
                                    bool succeeded) const {
  std::string u = username, a = address;
  long long t = at;
  int ok = succeeded ? 1 : 0;
  Query q(tx_.sql());
  q.use(u).use(a).use(t).use(ok);
  q.run(kInsertAttempt);
}

void LoginAttemptRepository::forget_failures_of(const std::string& username) const {
  std::string u = username;
  Query q(tx_.sql());
  q.use(u);
  q.run(kForgetFailures);
}

void LoginAttemptRepository::forget_before(std::int64_t cutoff) const {
  tx_.prepare(kForgetBefore).bind(cutoff).run();
}

std::map<std::int64_t, std::string> AccountRepository::usernames(const std::vector<std::int64_t>& ids) const {
  std::map<std::int64_t, std::string> out;
  if (ids.empty()) return out;
  Statement row = tx_.prepare("SELECT id, username FROM accounts WHERE id IN " + id_list(ids), Keep::kNo);
  while (row.step()) out[row.integer(0)] = row.string(1);
  return out;
}

}  // namespace jinguo::storage
