#pragma once
// Women's meetings as stored (migration 0021): the meeting and the outcome for each nominee.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/position.h"
#include "domain/selection/nomination.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::storage {

using MeetingId = std::int64_t;

struct MeetingNomineeRow {
  domain::selection::NominationId nomination_id = 0;
  std::string name, role, role_label;
  bool confirmed = false;
  std::optional<domain::PositionId> position_id;
};

struct MeetingRow {
  MeetingId id = 0;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name, organisation_path;
  domain::Date held_on;
  std::string place;
  int attendance = 0;
  std::optional<std::string> notes;
  std::string created_at, created_by;
  std::vector<MeetingNomineeRow> nominees;  // in the order they were put to the meeting
};

class MeetingQueries {
 public:
  explicit MeetingQueries(const ReadTx& tx) : tx_(tx) {}
  // A meeting of a body in the scope; outside it, it does not exist.
  std::optional<MeetingRow> find(const domain::Scope& scope, MeetingId id) const;
  // The meetings of bodies under `path`, the latest held first (without their nominees).
  Page<MeetingRow> list(const std::string& path, const PageSpec& page) const;
  // The nomination a meeting appointed to this position, if one did.
  std::optional<domain::selection::NominationId> nomination_of(domain::PositionId position) const;

 protected:
  const ReadTx& tx_;
};

class MeetingRepository : public MeetingQueries {
 public:
  explicit MeetingRepository(const WriteTx& tx) : MeetingQueries(tx) {}
  MeetingId insert(const MeetingRow& m) const;
  void add_nominee(MeetingId meeting, const MeetingNomineeRow& n, int order) const;
};

}  // namespace jinguo::storage
