#pragma once
// The selection procedure (选聘程序, issue 13; ../shared/DOMAIN.md, "Selection (选聘) procedure")
// as a state machine: a nomination (one of four channels) is assessed, her manner of service is
// decided, a meeting of the area's women confirms her, she is appointed, the level above
// certifies her, the result is filed. Withdrawn, failing the assessment or not confirmed end it
// at any step. Pure rules, no storage: every transition is a function that says what follows or
// refuses with a Chinese message naming where the nomination stands and what comes next.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace jinguo::domain::selection {

// 个人自荐, 群众举荐, 单位推荐, 直接选拔.
enum class Channel { kSelf, kResidents, kUnit, kDirect };
std::string_view channel_code(Channel c);  // self, residents, unit, direct
std::optional<Channel> channel_from_code(std::string_view code);
std::string_view channel_label(Channel c);  // 个人自荐, ...

// Who nominated her: a resident's name (residents), a work unit (unit); the federation itself
// (direct) and the woman herself (self) need none. Throws 422 on `nominated_by` when missing or
// over 100 characters; returns it trimmed (empty for self and direct).
std::string nominator(Channel c, std::string_view nominated_by);

enum class Step {
  kNominated,      // 已提名
  kAssessed,       // 考核通过
  kMannerDecided,  // 已确定任职方式
  kConfirmed,      // 妇女群众会议通过
  kAppointed,      // 已任职
  kCertified,      // 已发证
  kFiled,          // 已备案 (the end of a successful selection)
  kFailed,         // 考核未通过 (an end)
  kNotConfirmed,   // 会议未通过 (an end)
  kWithdrawn,      // 已撤回 (an end)
};
std::string_view step_code(Step s);
std::optional<Step> step_from_code(std::string_view code);
std::string_view step_label(Step s);     // 已提名, 考核通过, ...
std::string_view step_label_en(Step s);  // nominated, assessed, ...
bool is_final(Step s);                   // filed, failed, not confirmed, withdrawn

enum class Event { kAssess, kDecideManner, kConfirm, kAppoint, kCertify, kFile, kWithdraw };
std::string_view event_code(Event e);  // assess, decide_manner, confirm, appoint, certify, file, withdraw
std::optional<Event> event_from_code(std::string_view code);

// What an event carries (only the fields the event uses are read).
struct Decision {
  bool passed = true;                  // assess: passed or failed; confirm: confirmed or not
  std::optional<std::string> manner;   // decide_manner: full_time, part_time, seconded, volunteer
  std::optional<std::string> note;     // assess: the assessor's note; withdraw: why
};

// The step an event leads to from `current`, or a DomainError (409 `out_of_order`) saying where
// the nomination stands and what it needs next; 422 on the event's own fields (a manner that is
// not one of the four; a note over 500 characters).
Step next_step(Step current, Event event, const Decision& decision);

// The events that may follow a step, in the order of the procedure (for the staff's buttons).
std::vector<Event> possible_events(Step current);

}  // namespace jinguo::domain::selection
