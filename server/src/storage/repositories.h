#pragma once
// Repositories: every SQL statement of the registry, as named constants in the .cpp
// files, with bound parameters. They work inside a transaction given by Database.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

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
};

std::vector<domain::OrganisationId> ids_in_path(const std::string& path);

class OrganisationRepository {
 public:
  explicit OrganisationRepository(const ReadTx& tx) : tx_(tx) {}
  std::optional<OrganisationRow> find(domain::OrganisationId id, const domain::Date& on) const;
  Page<OrganisationRow> children(const ChildrenFilter& filter, const PageSpec& page,
                                 const domain::Date& on) const;
  Page<OrganisationRow> search(const SearchFilter& filter, const PageSpec& page,
                               const domain::Date& on) const;
  // The bodies named by ids, for building paths (root first) from materialised paths.
  std::map<domain::OrganisationId, PathEntry> entries(const std::vector<domain::OrganisationId>& ids) const;
  std::vector<PathEntry> path_of(const std::string& path) const;
  int open_children(domain::OrganisationId id) const;
  bool exists(domain::OrganisationId id) const;

  domain::OrganisationId insert(const domain::Organisation& o, const std::string& parent_path,
                                int depth, const std::string& now) const;
  void update(const domain::Organisation& o, const std::string& now) const;
  // Moves the body at old_path (and its whole subtree) under new_parent in one statement.
  void move(domain::OrganisationId id, domain::OrganisationId new_parent, const std::string& old_path,
            const std::string& new_path, int depth_delta, const std::string& now) const;

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
  std::optional<domain::Person> find(domain::PersonId id) const;
  std::optional<domain::PersonId> find_by_id_number(const std::string& id_number) const;
  Page<domain::Person> list(const PeopleFilter& filter, const PageSpec& page, const domain::Date& on) const;
  std::vector<CurrentPosition> current_positions(const std::vector<domain::PersonId>& people,
                                                 const domain::Date& on) const;
  domain::PersonId insert(const domain::Person& p, const std::string& now) const;
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
};

struct RosterRow {
  PositionRow row;
  domain::Person person;
};

class PositionRepository {
 public:
  explicit PositionRepository(const ReadTx& tx) : tx_(tx) {}
  std::optional<PositionRow> find(domain::PositionId id) const;
  std::vector<PositionRow> of_person(domain::PersonId person) const;  // newest first
  std::vector<RosterRow> roster(domain::OrganisationId organisation, const domain::Date& on) const;
  domain::PositionId insert(const domain::Position& p, const std::string& now) const;
  void end(domain::PositionId id, const domain::Date& end_on, const std::string& reason,
           const std::string& now) const;

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
};

class AuditRepository {
 public:
  explicit AuditRepository(const ReadTx& tx) : tx_(tx) {}
  void append(const AuditEvent& e) const;
  std::vector<StoredAuditEvent> latest(int limit) const;
  long long count() const;

 private:
  const ReadTx& tx_;
};

}  // namespace jinguo::storage
