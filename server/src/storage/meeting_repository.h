#pragma once
// Women's meetings as stored (migration 0021): the meeting and the outcome for each nominee.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/position.h"
#include "domain/selection/filing.h"
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

// A file of a meeting's minutes (migration 0024), without its content.
struct MeetingFileRow {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string file_name, content_type;
  std::int64_t size = 0;
  std::string sha256, uploaded_at, uploaded_by;
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
  std::vector<MeetingFileRow> files;         // the minutes, oldest first (in the detail only)
};

struct FilingRow {
  std::int64_t id = 0;
  MeetingId meeting_id = 0;
  domain::OrganisationId organisation_id = 0;  // the meeting's body
  std::string organisation_path;
  domain::Date held_on;                        // the meeting's day
  domain::selection::Recipient recipient = domain::selection::Recipient::kParty;
  std::string recipient_name;
  domain::Date sent_on;
  std::optional<std::string> reference;
  domain::selection::FilingState state = domain::selection::FilingState::kSent;
  std::optional<domain::Date> answered_on;
  std::optional<std::string> return_reason;
  std::string created_at, created_by;
};

// A meeting still to be filed: its live filing per recipient (none: not sent, or returned).
struct UnfiledRow {
  MeetingRow meeting;
  std::optional<domain::selection::FilingState> party, federation_above;
};

class MeetingQueries {
 public:
  explicit MeetingQueries(const ReadTx& tx) : tx_(tx) {}
  // A meeting of a body in the scope; outside it, it does not exist.
  std::optional<MeetingRow> find(const domain::Scope& scope, MeetingId id) const;
  // The meetings of bodies under `path`, the latest held first (without their nominees).
  Page<MeetingRow> list(const std::string& path, const PageSpec& page) const;
  // The filings of a meeting, oldest first; one filing of a body in the scope.
  std::vector<FilingRow> filings_of(MeetingId meeting) const;
  std::optional<FilingRow> filing(const domain::Scope& scope, std::int64_t id) const;
  // The meetings under `path` not yet acknowledged by both recipients, the earliest held first.
  std::vector<UnfiledRow> unfiled(const std::string& path) const;
  // The minutes' files of a meeting, oldest first; one file, with its meeting; its content (base64).
  std::vector<MeetingFileRow> files_of(MeetingId meeting) const;
  std::optional<MeetingFileRow> file(std::int64_t id) const;
  std::string file_content(std::int64_t id) const;
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
  std::int64_t insert_filing(const FilingRow& f) const;
  std::int64_t insert_file(const MeetingFileRow& f, const std::string& base64_content) const;
  void remove_file(std::int64_t id) const;
  void answer_filing(std::int64_t id, domain::selection::FilingState state, const std::optional<domain::Date>& on,
                     const std::optional<std::string>& reason) const;
};

}  // namespace jinguo::storage
