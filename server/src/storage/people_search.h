#pragma once
// Finding people (GET /api/people): the people of a subtree by what they hold or held
// there, in set-based queries: one for the page, one for its count, one each for the
// current and former positions of the people on it.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::storage {

enum class HoldingStatus { kCurrent, kFormer, kAll };

struct PeopleSearch {
  std::string path;  // the subtree (materialised path)
  domain::Date on;
  HoldingStatus status = HoldingStatus::kCurrent;
  std::optional<std::string> role, manner, source;  // filter the matching positions
  std::optional<std::string> id_number;             // q: a full ID number, or
  std::optional<std::string> name;                  // q: a name prefix
  // kAll without role, manner or source: also the people registered in the subtree who
  // hold no position anywhere yet (otherwise a new registration could not be listed).
  bool with_unplaced = false;
};

struct FormerPosition {
  domain::PersonId person_id = 0;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  std::string role_label;
  domain::Date end_on;
};

class PeopleSearchQueries {
 public:
  explicit PeopleSearchQueries(const ReadTx& tx) : tx_(tx) {}
  // page.sort: "name" or "start_on" (the latest start of a matching position).
  Page<domain::Person> find(const PeopleSearch& search, const PageSpec& page) const;
  // Positions in the subtree ended on or before `on`, of these people (latest ended first).
  std::vector<FormerPosition> former_positions(const std::string& path, const std::vector<domain::PersonId>& people,
                                               const domain::Date& on) const;

 private:
  const ReadTx& tx_;
};

}  // namespace jinguo::storage
