#pragma once
// The women's meeting (妇女群众会议, issue 13 step 3; docs/api-contract.md, "Issue 13 (step 3):
// the women's meeting"): a clerk records that the women of a body met on a day, the nominees put
// to them (each at 已确定任职方式) and the outcome for each. In the same transaction each
// confirmed nominee is appointed from the meeting day, through the staffing rules as they stand
// (a refusal names the rule and stores nothing; an administrator's override reason is audited),
// registered first when she is not yet; the others end 会议未通过. Her cross-level seat (a 村妇代会
// 主任's or a 社区妇联主席's 执委 seat above) is proposed from the rules' findings.
#include <optional>
#include <string>
#include <vector>

#include "domain/staffing/check.h"
#include "services/actor.h"
#include "services/registry.h"
#include "storage/database.h"
#include "storage/meeting_repository.h"

namespace jinguo::services {

struct MeetingOutcome {
  domain::selection::NominationId nomination_id = 0;
  std::optional<bool> confirmed;  // required
};

struct NewMeeting {
  std::optional<domain::OrganisationId> organisation_id;  // the body whose women met (required)
  std::optional<domain::Date> held_on;                    // required, not after today
  std::optional<std::string> place;                       // required, ≤ 100
  std::optional<std::int64_t> attendance;                 // required, 1..100000
  std::optional<std::string> notes;                       // ≤ 1000
  std::vector<MeetingOutcome> outcomes;                   // 1..100
  std::optional<std::string> override_reason;             // lets an administrator break a maximum
};

// A seat above that a confirmed nominee's new post calls for (the rules' seat finding).
struct SeatProposal {
  domain::PersonId person_id = 0;
  std::string person_name;
  domain::staffing::Finding finding;  // its advice names the seat to fill
};

struct MeetingDetail {
  storage::MeetingRow meeting;
  std::vector<SeatProposal> seats;                        // only in the answer that records it
  std::vector<domain::staffing::Finding> warnings;        // shortfalls left after the appointments
};

struct NewFiling {
  std::optional<std::string> recipient;       // party | federation_above (required)
  std::optional<std::string> recipient_name;  // default: 同级党组织 or the body above's name
  std::optional<domain::Date> sent_on;        // required
  std::optional<std::string> reference;       // 文号
};

class Meetings {
 public:
  Meetings(storage::Database& db, Clock today) : db_(db), today_(std::move(today)) {}

  MeetingDetail Record(const Actor& actor, const NewMeeting& input);
  storage::Page<storage::MeetingRow> List(const Actor& actor, std::optional<domain::OrganisationId> within,
                                          const storage::PageSpec& page);
  MeetingDetail Meeting(const Actor& actor, storage::MeetingId id);

  // Filing (备案): sent by the meeting's side (the scope holds its body; write), answered from the
  // same side as the recipient's answer comes back. Once both recipients have acknowledged, the
  // meeting's certified nominees move on to 已备案 (event file) in the same transaction.
  storage::FilingRow SendFiling(const Actor& actor, storage::MeetingId meeting, const NewFiling& input);
  storage::FilingRow AcknowledgeFiling(const Actor& actor, std::int64_t filing, std::optional<domain::Date> on);
  storage::FilingRow ReturnFiling(const Actor& actor, std::int64_t filing, const std::string& reason);
  std::vector<storage::FilingRow> FilingsOf(const Actor& actor, storage::MeetingId meeting);
  // The minutes (会议记录): files attached to the meeting by its side (PDF, PNG or JPEG, judged by
  // content; 10 MiB; 10 a meeting), read by anyone who reads the meeting. Audited attach / detach.
  storage::MeetingFileRow AttachMinutes(const Actor& actor, storage::MeetingId meeting, const std::string& file_name,
                                        const std::string& bytes);
  struct File {
    storage::MeetingFileRow row;
    std::string bytes;
  };
  File Minutes(const Actor& actor, std::int64_t file);
  void DetachMinutes(const Actor& actor, std::int64_t file);

  // The meetings of the subtree still to be filed, the earliest first.
  std::vector<storage::UnfiledRow> Unfiled(const Actor& actor, std::optional<domain::OrganisationId> within);

 private:
  storage::Database& db_;
  Clock today_;
};

}  // namespace jinguo::services
