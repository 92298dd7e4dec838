#pragma once
// The survey archives' rows: outstanding women and women's social organisations, each
// belonging to a body; a scope sees the entries of the bodies in it.
#include <optional>
#include <string>

#include "domain/access/access.h"
#include "domain/archive.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::storage {

struct OutstandingWomanRow {
  domain::OutstandingWoman entry;
  std::string person_name;
  std::string id_number;  // full: masked by the caller before it leaves the server
  std::string organisation_name;
  std::string created_at, updated_at;
};

struct SocialOrganisationRow {
  domain::SocialOrganisation entry;
  std::string organisation_name;
  std::string created_at, updated_at;
};

struct ArchiveFilter {
  std::string within_path;   // the subtree (the scope's, or a body's in it)
  std::string text;          // contains: her name, honour or field / its name, kind, field or head
  std::optional<int> year;   // outstanding women: of the honour
  std::optional<std::string> kind;  // social organisations
};

class ArchiveRepository {
 public:
  explicit ArchiveRepository(const ReadTx& tx) : tx_(tx) {}

  Page<OutstandingWomanRow> outstanding_women(const ArchiveFilter& filter, const PageSpec& page) const;
  std::optional<OutstandingWomanRow> outstanding_woman(const domain::Scope& scope, std::int64_t id) const;
  // The entry of a key (the archives' uniqueness): the woman's honour proposed by a body.
  std::optional<OutstandingWomanRow> outstanding_woman_by_key(domain::PersonId person,
                                                              domain::OrganisationId organisation,
                                                              const std::string& honour) const;
  std::int64_t insert(const domain::OutstandingWoman& e, const std::string& now) const;
  void update(const domain::OutstandingWoman& e, const std::string& now) const;
  void remove_outstanding_woman(std::int64_t id) const;

  Page<SocialOrganisationRow> social_organisations(const ArchiveFilter& filter, const PageSpec& page) const;
  std::optional<SocialOrganisationRow> social_organisation(const domain::Scope& scope, std::int64_t id) const;
  // The entry of a key: the organisation's name in a body.
  std::optional<SocialOrganisationRow> social_organisation_by_key(domain::OrganisationId organisation,
                                                                  const std::string& name) const;
  std::int64_t insert(const domain::SocialOrganisation& e, const std::string& now) const;
  void update(const domain::SocialOrganisation& e, const std::string& now) const;
  void remove_social_organisation(std::int64_t id) const;

 private:
  const ReadTx& tx_;
};

}  // namespace jinguo::storage
