#pragma once
// The set-based reads behind staffing checks: the bodies of a subtree open on a date and
// every position held in them on that date, each in ONE query over the materialised-path
// range (never one query per body), plus the small extras a check needs (the parent's
// positions, ended positions for the seat rule, names). A subtree is named by its root's
// path today and read as it stood on the date (the bodies' versions on it); given a
// HeldIndex, bodies, held_in_subtree and ended_in are answered from it, else in SQL (the
// reference).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/position.h"
#include "storage/database.h"

namespace jinguo::storage {

struct SubtreeBody {
  domain::OrganisationId id = 0;
  std::optional<domain::OrganisationId> parent_id;
  domain::BodyType type = domain::BodyType::kCity;
  std::string name;
  std::string path;  // "/1/23/456/"
  int depth = 0;
};

struct HeldRow {
  domain::OrganisationId organisation_id = 0;
  domain::PersonId person_id = 0;
  std::string role;
  domain::PositionId position_id = 0;
};

class HeldIndex;

// The path on `on` of the body whose path today is `path` ("/" stays "/"): where its
// subtree stood that day. Its path today when it had no version then.
std::string subtree_path_on(const ReadTx& tx, const std::string& path, const domain::Date& on);

class ComplianceQueries {
 public:
  explicit ComplianceQueries(const ReadTx& tx, HeldIndex* index = nullptr) : tx_(tx), index_(index) {}
  bool indexed() const { return index_ != nullptr; }

  // One body (open or not), or nullopt.
  std::optional<SubtreeBody> body(domain::OrganisationId id) const;
  // The bodies under `path` (itself included) that exist on `on` (established by then,
  // not closed), in path order on that day, each as it stood then (parent, type, name, path).
  std::vector<SubtreeBody> bodies(const std::string& path, const domain::Date& on) const;
  // Every position held on `on` in a body under `path` (itself included).
  std::vector<HeldRow> held_in_subtree(const std::string& path, const domain::Date& on) const;
  // Positions held on `on` in these bodies.
  std::vector<HeldRow> held_in(const std::vector<domain::OrganisationId>& bodies, const domain::Date& on) const;
  // Positions in these roles of these bodies ended on or before `on`, the latest ended first.
  std::vector<HeldRow> ended_in(const std::vector<domain::OrganisationId>& bodies, const domain::Date& on,
                                const std::vector<std::string>& roles) const;
  // The distinct days on which some position of the body starts, in order: the days its counts can rise.
  std::vector<domain::Date> start_days(domain::OrganisationId body) const;
  std::map<domain::PersonId, std::string> person_names(const std::vector<domain::PersonId>& people) const;

 private:
  const ReadTx& tx_;
  HeldIndex* index_;
};

}  // namespace jinguo::storage
