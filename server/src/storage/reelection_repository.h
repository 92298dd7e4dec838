#pragma once
// The re-elections of city, district and county federations (附表2), as stored (migration
// 0009). Reads take any transaction (ReelectionQueries); writes need a WriteTx
// (ReelectionRepository).
//
// For the forms engine, form 2: ReelectionQueries(tx).in_force(bodies, on), one query for the
// whole list of bodies.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/reelection.h"
#include "storage/database.h"

namespace jinguo::storage {

struct ReelectionRow {
  domain::Reelection reelection;
  std::string organisation_name;
  std::string created_at, updated_at;  // ISO 8601 UTC
};

class ReelectionQueries {
 public:
  explicit ReelectionQueries(const ReadTx& tx) : tx_(tx) {}

  // A re-election of a body in the scope; outside it, the re-election does not exist.
  std::optional<ReelectionRow> find(const domain::Scope& scope, domain::ReelectionId id) const;
  // The re-elections of one body, the latest held first.
  std::vector<ReelectionRow> of_body(domain::OrganisationId body) const;
  // Form 2: for each of these bodies that had one, the re-election in force on `on` (the latest
  // held on or before it: domain::reelection_in_force), by body id. Bodies without one are absent.
  std::map<domain::OrganisationId, ReelectionRow> in_force(const std::vector<domain::OrganisationId>& bodies,
                                                           const domain::Date& on) const;

 protected:
  const ReadTx& tx_;
};

class ReelectionRepository : public ReelectionQueries {
 public:
  explicit ReelectionRepository(const WriteTx& tx) : ReelectionQueries(tx) {}
  domain::ReelectionId insert(const domain::Reelection& r, const std::string& now) const;
  void update(const domain::Reelection& r, const std::string& now) const;  // every field but the body
  void remove(domain::ReelectionId id) const;
};

}  // namespace jinguo::storage
