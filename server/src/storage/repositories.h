#pragma once
// Repositories: every SQL statement of the registry, as named constants in the .cpp
// files, with bound parameters. They work inside a transaction given by Database.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/date.h"
#include "domain/dictionary.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/position.h"
#include "storage/database.h"

namespace jinguo::storage {

struct PageSpec {
  int page = 1;
  int page_size = 50;
  std::string sort;          // a column the repository knows (whitelisted there)
  bool descending = false;
  int offset() const { return (page - 1) * page_size; }
};

template <class T>
struct Page {
  std::vector<T> items;
  long long total = 0;
};

// ---- organisations -------------------------------------------------------------------
struct OrganisationRow {
  domain::Organisation organisation;
  std::string path;  // "/1/23/456/"
  int depth = 0;
  int child_count = 0;   // open children
  int member_count = 0;  // positions held on the day asked for
};

struct PathEntry {
  domain::OrganisationId id = 0;
  std::string name;
  domain::BodyType type = domain::BodyType::kCity;
};

struct ChildrenFilter {
  std::optional<domain::OrganisationId> parent_id;  // none: the roots
  bool include_closed = false;
  std::optional<domain::BodyType> type;
};

struct SearchFilter {
  std::string text;
  std::optional<std::string> within_path;  // subtree of this materialised path
  std::optional<domain::BodyType> type;
  bool include_closed = false;
  std::optional<std::string> division_code;  // exactly this 12-digit code
};

std::vector<domain::OrganisationId> ids_in_path(const std::string& path);

// One version of a body (organisation_versions): where it stood, its name and type over
// [valid_from, valid_to); parent_name is the parent's name on valid_from.
struct VersionRow {
  domain::Date valid_from;
  std::optional<domain::Date> valid_to;
  std::optional<domain::OrganisationId> parent_id;
  std::optional<std::string> parent_name;
  domain::BodyType type = domain::BodyType::kCity;
  std::string name;
};

class OrganisationRepository {
 public:
  explicit OrganisationRepository(const ReadTx& tx) : tx_(tx) {}
  // Every read of a body by id is limited to a scope: outside it, the body does not exist.
  std::optional<OrganisationRow> find(const domain::Scope& scope, domain::OrganisationId id,
                                      const domain::Date& on) const;
  std::optional<std::string> path_in(const domain::Scope& scope, domain::OrganisationId id) const;
  // The children of filter.parent_id (in scope: the caller checks the parent), or with no
  // parent the roots of the scope (the real roots for the whole tree).
  Page<OrganisationRow> children(const domain::Scope& scope, const ChildrenFilter& filter, const PageSpec& page,
                                 const domain::Date& on) const;
  Page<OrganisationRow> search(const SearchFilter& filter, const PageSpec& page,
                               const domain::Date& on) const;
  // The bodies named by ids, for building paths (root first) from materialised paths.
  std::map<domain::OrganisationId, PathEntry> entries(std::vector<domain::OrganisationId> ids) const;
  std::vector<PathEntry> path_of(const std::string& path) const;
  int open_children(domain::OrganisationId id) const;

  domain::OrganisationId insert(const domain::Organisation& o, const std::string& parent_path,
                                int depth, const std::string& now) const;
  void update(const domain::Organisation& o, const std::string& now) const;
  // Moves the body at old_path (and its whole subtree) under new_parent in one statement.
  void move(domain::OrganisationId id, domain::OrganisationId new_parent, const std::string& old_path,
            const std::string& new_path, int depth_delta, const std::string& now) const;

  // ---- versions (migration 0011): the current version always equals the row ----
  // The start of the newest current version in the subtree of `path` (itself included, or
  // only the body at `path` when `subtree` is false): a change may not start before it.
  domain::Date latest_change(const std::string& path, bool subtree) const;
  // From `on`, the body at `path` (and its subtree when `subtree`) has a new current version,
  // equal to the one it replaces until the caller changes it; versions that already start on
  // `on` are left to be rewritten.
  void start_versions(const std::string& path, bool subtree, const domain::Date& on) const;
  // The body's type, now and in its current version.
  void set_type(domain::OrganisationId id, domain::BodyType type, const std::string& now) const;
  std::vector<VersionRow> versions(domain::OrganisationId id) const;
  // The open children of a body, in tree order.
  std::vector<domain::OrganisationId> open_child_ids(domain::OrganisationId id) const;

 private:
  const ReadTx& tx_;
};

// ---- people --------------------------------------------------------------------------
struct CurrentPosition {
  domain::PersonId person_id = 0;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  std::string role_label;
};

struct PeopleFilter {
  std::string text;                                // name contains, or ID number starts with
  std::optional<std::string> organisation_path;    // holding a position today in this subtree
};

class PersonRepository {
 public:
  explicit PersonRepository(const ReadTx& tx) : tx_(tx) {}
  // A person is in a scope when she holds or held a position in it, or was registered in it.
  std::optional<domain::Person> find(const domain::Scope& scope, domain::PersonId id) const;
  // Unscoped: for the duplicate check and appointing by the full ID number.
  std::optional<domain::PersonId> find_by_id_number(const std::string& id_number) const;
  Page<domain::Person> list(const domain::Scope& scope, const PeopleFilter& filter, const PageSpec& page,
                            const domain::Date& on) const;
  std::vector<CurrentPosition> current_positions(const domain::Scope& scope,
                                                 const std::vector<domain::PersonId>& people,
                                                 const domain::Date& on) const;
  domain::PersonId insert(const domain::Person& p, std::optional<domain::OrganisationId> registered_in,
                          const std::string& now) const;
  void update(const domain::Person& p, const std::string& now) const;

 private:
  const ReadTx& tx_;
};

// ---- positions -----------------------------------------------------------------------
struct PositionRow {
  domain::Position position;
  std::string person_name;
  std::string organisation_name;
  std::string organisation_path;  // materialised
  std::string role_label;
  std::string manner_label;
  std::optional<std::string> source_label;
  std::string created_at;  // ISO 8601 UTC: when it was entered
};

struct RosterRow {
  PositionRow row;
  domain::Person person;
};

class PositionRepository {
 public:
  explicit PositionRepository(const ReadTx& tx) : tx_(tx) {}
  std::optional<PositionRow> find(const domain::Scope& scope, domain::PositionId id) const;
  // The positions of a person in bodies of the scope, newest first.
  std::vector<PositionRow> of_person(const domain::Scope& scope, domain::PersonId person) const;
  std::vector<RosterRow> roster(domain::OrganisationId organisation, const domain::Date& on) const;
  // The positions of these people in the subtree of `path` started on or before `on`, by
  // person, then newest first (for exports of the people list: the caller keeps the ones
  // its filter asks for).
  std::vector<PositionRow> of_people(const std::vector<domain::PersonId>& people, const std::string& path,
                                     const domain::Date& on) const;
  domain::PositionId insert(const domain::Position& p, const std::string& now) const;
  void end(domain::PositionId id, const domain::Date& end_on, const std::string& reason,
           const std::string& now) const;
  // A correction: every field but the person and the body.
  void update(const domain::Position& p, const std::string& now) const;
  void remove(domain::PositionId id) const;
  // "张三 · 委员 · 某村妇代会" of stored positions, in one query.
  std::map<domain::PositionId, std::string> labels(const std::vector<domain::PositionId>& ids) const;

 private:
  const ReadTx& tx_;
};

// ---- dictionaries --------------------------------------------------------------------
class DictionaryRepository {
 public:
  explicit DictionaryRepository(const ReadTx& tx) : tx_(tx) {}
  std::vector<domain::DictionaryEntry> list(std::optional<domain::DictionaryKind> kind) const;
  std::optional<domain::DictionaryEntry> find(domain::DictionaryKind kind, const std::string& code) const;
  void insert(const domain::DictionaryEntry& e) const;
  void update(const domain::DictionaryEntry& e) const;

 private:
  const ReadTx& tx_;
};

// ---- audit ---------------------------------------------------------------------------
struct AuditEvent {
  std::string at;
  std::string actor;
  std::optional<std::int64_t> account_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::string> address;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::optional<std::int64_t> organisation_id;
  std::string changes;  // JSON
};

struct StoredAuditEvent {
  long long id = 0;
  AuditEvent event;
  std::optional<std::string> organisation_name;
};

// The people whose records are asked for: by full ID number, or by name (exact, or also as
// a prefix).
struct PersonMatch {
  std::optional<std::string> id_number;
  std::string name;
  bool prefix = false;
};

struct AuditFilter {
  std::optional<std::string> within_path;  // records of bodies in this subtree (none: all, with no body too)
  std::optional<std::int64_t> person_id;
  std::optional<PersonMatch> person;
  std::optional<std::string> actor;
  std::optional<std::string> from_at, to_at;  // ISO timestamps, inclusive / exclusive
  std::optional<std::string> action, entity;
  std::vector<std::string> entities;  // any of these (empty: any entity)
};

class AuditRepository {
 public:
  explicit AuditRepository(const ReadTx& tx) : tx_(tx) {}
  void append(const AuditEvent& e) const;
  // Many events, in order, a hundred rows an INSERT (an import's thousands of records).
  void append_all(const std::vector<AuditEvent>& events) const;
  std::vector<StoredAuditEvent> latest(int limit) const;
  Page<StoredAuditEvent> list(const AuditFilter& filter, const PageSpec& page) const;
  long long count() const;

 private:
  const ReadTx& tx_;
};

// ---- accounts, sessions, login attempts -------------------------------------------------
struct AccountRow {
  std::int64_t id = 0;
  std::string username;
  std::string password_hash;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  std::string organisation_path;
  domain::Role role = domain::Role::kViewer;
  bool active = true;
  std::string created_at, password_changed_at;
};

struct AccountFilter {
  std::string text;                         // username contains
  std::optional<std::string> within_path;   // organisation in this subtree (default: the scope)
  std::optional<domain::Role> role;
  std::optional<bool> active;
};

class AccountRepository {
 public:
  explicit AccountRepository(const ReadTx& tx) : tx_(tx) {}
  std::optional<AccountRow> find(const domain::Scope& scope, std::int64_t id) const;
  std::optional<AccountRow> find_by_username(const std::string& username) const;  // for login
  Page<AccountRow> list(const domain::Scope& scope, const AccountFilter& filter, const PageSpec& page) const;
  std::int64_t insert(const AccountRow& a, const std::string& now) const;
  void update(const AccountRow& a) const;  // role, organisation, active
  void set_password(std::int64_t id, const std::string& hash, const std::string& now) const;
  // The same password hashed again (other parameters): password_changed_at stays. Only while
  // the stored hash is still `old_hash`; false when it was changed meanwhile.
  bool replace_password_hash(std::int64_t id, const std::string& old_hash, const std::string& new_hash) const;
  long long count() const;
  std::map<std::int64_t, std::string> usernames(const std::vector<std::int64_t>& ids) const;  // one query

 private:
  const ReadTx& tx_;
};

struct SessionRow {
  std::string token_hash, public_id, csrf_token;
  std::int64_t account_id = 0;
  std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0, absolute_expires_at = 0;  // Unix seconds
  std::optional<std::string> address, user_agent;
};

struct AuthenticatedSession {
  SessionRow session;
  AccountRow account;  // without password_hash
  std::int64_t registry_generation = 0;  // read in the same statement: the registry as the request found it
};

class SessionRepository {
 public:
  explicit SessionRepository(const ReadTx& tx) : tx_(tx) {}
  // The session and its account in one indexed query.
  std::optional<AuthenticatedSession> find(const std::string& token_hash) const;
  std::vector<SessionRow> of_account(std::int64_t account_id) const;  // newest first
  void insert(const SessionRow& s) const;
  void touch(const std::string& token_hash, std::int64_t last_seen_at, std::int64_t expires_at) const;
  void remove(const std::string& token_hash) const;
  bool remove_public(std::int64_t account_id, const std::string& public_id) const;
  // Ends every session of an account except `keep` (a token hash; empty: all).
  void remove_all_of(std::int64_t account_id, const std::string& keep = "") const;
  void remove_expired(std::int64_t now) const;

 private:
  const ReadTx& tx_;
};

class LoginAttemptRepository {
 public:
  explicit LoginAttemptRepository(const ReadTx& tx) : tx_(tx) {}
  // Times of the failures since `since` of a username and of an address.
  std::vector<std::int64_t> failures_of_username(const std::string& username, std::int64_t since) const;
  std::vector<std::int64_t> failures_of_address(const std::string& address, std::int64_t since) const;
  void record(const std::string& username, const std::string& address, std::int64_t at, bool succeeded) const;
  void forget_failures_of(const std::string& username) const;  // after a successful login
  void forget_before(std::int64_t cutoff) const;                  // attempts older than cutoff

 private:
  const ReadTx& tx_;
};

// A timestamp column as ISO 8601 UTC text ("2026-11-28T09:30:00Z") on both databases.
std::string iso_timestamp_sql(const ReadTx& tx, const std::string& column);
std::string iso_timestamp_sql(Backend backend, const std::string& column);

}  // namespace jinguo::storage
