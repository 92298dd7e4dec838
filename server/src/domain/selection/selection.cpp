#include "domain/selection/selection.h"

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain::selection {

namespace {

constexpr Channel kChannels[] = {Channel::kSelf, Channel::kResidents, Channel::kUnit, Channel::kDirect};
constexpr Step kSteps[] = {Step::kNominated, Step::kAssessed,     Step::kMannerDecided, Step::kConfirmed,
                           Step::kAppointed, Step::kCertified,    Step::kFiled,         Step::kFailed,
                           Step::kNotConfirmed, Step::kWithdrawn};
constexpr Event kEvents[] = {Event::kAssess,  Event::kDecideManner, Event::kConfirm, Event::kAppoint,
                             Event::kCertify, Event::kFile,         Event::kWithdraw};
constexpr std::string_view kManners[] = {"full_time", "part_time", "seconded", "volunteer"};

// What each step needs next, said to the clerk.
std::string_view needs_next(Step s) {
  switch (s) {
    case Step::kNominated: return "请先完成考核";
    case Step::kAssessed: return "请先确定任职方式";
    case Step::kMannerDecided: return "请先提交妇女群众会议通过";
    case Step::kConfirmed: return "请先任职";
    case Step::kAppointed: return "请先由上一级妇联发证";
    case Step::kCertified: return "请先备案";
    case Step::kFiled: return "选聘已完成";
    case Step::kFailed:
    case Step::kNotConfirmed:
    case Step::kWithdrawn: return "选聘已结束";
  }
  return "";
}

DomainError out_of_order(Step current, Event e) {
  return DomainError(ErrorKind::kConflict, "out_of_order", "step",
                     "该提名目前为“" + std::string(step_label(current)) + "”，" + std::string(needs_next(current)),
                     "the nomination is " + std::string(step_label_en(current)) + ": " + std::string(event_code(e)) +
                         " does not follow");
}

// The step each forward event comes from, and where it leads when it succeeds.
struct Forward {
  Event event;
  Step from, to;
};
constexpr Forward kForward[] = {
    {Event::kAssess, Step::kNominated, Step::kAssessed},
    {Event::kDecideManner, Step::kAssessed, Step::kMannerDecided},
    {Event::kConfirm, Step::kMannerDecided, Step::kConfirmed},
    {Event::kAppoint, Step::kConfirmed, Step::kAppointed},
    {Event::kCertify, Step::kAppointed, Step::kCertified},
    {Event::kFile, Step::kCertified, Step::kFiled},
};

}  // namespace

std::string_view channel_code(Channel c) {
  switch (c) {
    case Channel::kSelf: return "self";
    case Channel::kResidents: return "residents";
    case Channel::kUnit: return "unit";
    case Channel::kDirect: return "direct";
  }
  return "self";
}

std::optional<Channel> channel_from_code(std::string_view code) {
  for (auto c : kChannels)
    if (channel_code(c) == code) return c;
  return std::nullopt;
}

std::string_view channel_label(Channel c) {
  switch (c) {
    case Channel::kSelf: return "个人自荐";
    case Channel::kResidents: return "群众举荐";
    case Channel::kUnit: return "单位推荐";
    case Channel::kDirect: return "直接选拔";
  }
  return "";
}

std::string nominator(Channel c, std::string_view nominated_by) {
  if (c == Channel::kSelf || c == Channel::kDirect) return "";
  std::string who(trim(nominated_by));
  if (who.empty())
    throw invalid("required", "nominated_by", c == Channel::kResidents ? "请填写举荐人姓名" : "请填写推荐单位",
                  c == Channel::kResidents ? "the resident who nominated her is required" : "the work unit is required");
  if (utf8_length(who).value_or(999) > 100)
    throw invalid("too_long", "nominated_by", "提名人不能超过100个字", "nominated_by is longer than 100 characters");
  return who;
}

std::string_view step_code(Step s) {
  switch (s) {
    case Step::kNominated: return "nominated";
    case Step::kAssessed: return "assessed";
    case Step::kMannerDecided: return "manner_decided";
    case Step::kConfirmed: return "confirmed";
    case Step::kAppointed: return "appointed";
    case Step::kCertified: return "certified";
    case Step::kFiled: return "filed";
    case Step::kFailed: return "failed";
    case Step::kNotConfirmed: return "not_confirmed";
    case Step::kWithdrawn: return "withdrawn";
  }
  return "nominated";
}

std::optional<Step> step_from_code(std::string_view code) {
  for (auto s : kSteps)
    if (step_code(s) == code) return s;
  return std::nullopt;
}

std::string_view step_label(Step s) {
  switch (s) {
    case Step::kNominated: return "已提名";
    case Step::kAssessed: return "考核通过";
    case Step::kMannerDecided: return "已确定任职方式";
    case Step::kConfirmed: return "妇女群众会议通过";
    case Step::kAppointed: return "已任职";
    case Step::kCertified: return "已发证";
    case Step::kFiled: return "已备案";
    case Step::kFailed: return "考核未通过";
    case Step::kNotConfirmed: return "会议未通过";
    case Step::kWithdrawn: return "已撤回";
  }
  return "";
}

std::string_view step_label_en(Step s) {
  switch (s) {
    case Step::kNominated: return "nominated";
    case Step::kAssessed: return "assessed";
    case Step::kMannerDecided: return "manner decided";
    case Step::kConfirmed: return "confirmed by the women's meeting";
    case Step::kAppointed: return "appointed";
    case Step::kCertified: return "certified";
    case Step::kFiled: return "filed";
    case Step::kFailed: return "failed the assessment";
    case Step::kNotConfirmed: return "not confirmed";
    case Step::kWithdrawn: return "withdrawn";
  }
  return "";
}

bool is_final(Step s) {
  return s == Step::kFiled || s == Step::kFailed || s == Step::kNotConfirmed || s == Step::kWithdrawn;
}

std::string_view event_code(Event e) {
  switch (e) {
    case Event::kAssess: return "assess";
    case Event::kDecideManner: return "decide_manner";
    case Event::kConfirm: return "confirm";
    case Event::kAppoint: return "appoint";
    case Event::kCertify: return "certify";
    case Event::kFile: return "file";
    case Event::kWithdraw: return "withdraw";
  }
  return "";
}

std::optional<Event> event_from_code(std::string_view code) {
  for (auto e : kEvents)
    if (event_code(e) == code) return e;
  return std::nullopt;
}

Step next_step(Step current, Event event, const Decision& decision) {
  if (decision.note && utf8_length(*decision.note).value_or(999) > 500)
    throw invalid("too_long", "note", "说明不能超过500字", "the note is longer than 500 characters");
  if (event == Event::kWithdraw) {
    // Withdrawn at any step before the end; once appointed, ending her position is the way out.
    if (is_final(current) || current == Step::kAppointed || current == Step::kCertified)
      throw out_of_order(current, event);
    return Step::kWithdrawn;
  }
  for (const auto& f : kForward) {
    if (f.event != event) continue;
    if (current != f.from) throw out_of_order(current, event);
    if (event == Event::kAssess && !decision.passed) return Step::kFailed;
    if (event == Event::kConfirm && !decision.passed) return Step::kNotConfirmed;
    if (event == Event::kDecideManner) {
      bool known = false;
      for (auto m : kManners) known = known || decision.manner == m;
      if (!known)
        throw invalid("unknown_manner", "manner", "任职方式应为专职、兼职、挂职或志愿者",
                      "manner is full_time, part_time, seconded or volunteer");
    }
    return f.to;
  }
  throw out_of_order(current, event);
}

std::vector<Event> possible_events(Step current) {
  std::vector<Event> out;
  for (const auto& f : kForward)
    if (f.from == current) out.push_back(f.event);
  if (!is_final(current) && current != Step::kAppointed && current != Step::kCertified) out.push_back(Event::kWithdraw);
  return out;
}

}  // namespace jinguo::domain::selection
