#include "domain/selection/filing.h"

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain::selection {

namespace {

std::optional<std::string> trimmed(const std::optional<std::string>& v, const char* field, const char* zh,
                                   std::size_t max) {
  if (!v) return std::nullopt;
  std::string t(trim(*v));
  if (t.empty()) return std::nullopt;
  if (utf8_length(t).value_or(max + 1) > max)
    throw invalid("too_long", field, std::string(zh) + "不能超过" + std::to_string(max) + "个字",
                  std::string(field) + " is too long");
  return t;
}

DomainError answered(FilingState now) {
  return conflict("filing_answered", "state",
                  std::string("该备案已") + (now == FilingState::kAcknowledged ? "确认" : "退回") + "，不能再更改",
                  "the filing has been answered already");
}

}  // namespace

std::string_view recipient_code(Recipient r) { return r == Recipient::kParty ? "party" : "federation_above"; }
std::string_view recipient_label(Recipient r) { return r == Recipient::kParty ? "同级党组织" : "上级妇联"; }
std::optional<Recipient> recipient_from_code(std::string_view code) {
  if (code == "party") return Recipient::kParty;
  if (code == "federation_above") return Recipient::kFederationAbove;
  return std::nullopt;
}

std::string_view filing_state_code(FilingState s) {
  switch (s) {
    case FilingState::kSent: return "sent";
    case FilingState::kAcknowledged: return "acknowledged";
    case FilingState::kReturned: return "returned";
  }
  return "sent";
}
std::string_view filing_state_label(FilingState s) {
  switch (s) {
    case FilingState::kSent: return "已报送";
    case FilingState::kAcknowledged: return "已确认";
    case FilingState::kReturned: return "已退回";
  }
  return "已报送";
}
std::optional<FilingState> filing_state_from_code(std::string_view code) {
  for (auto s : {FilingState::kSent, FilingState::kAcknowledged, FilingState::kReturned})
    if (filing_state_code(s) == code) return s;
  return std::nullopt;
}

SentFiling sent_filing(std::optional<std::string> name, const std::string& default_name, std::optional<Date> sent_on,
                       std::optional<std::string> reference, const Date& held_on, const Date& today) {
  SentFiling f;
  f.recipient_name = trimmed(name, "recipient_name", "接收单位", 100).value_or(default_name);
  if (!sent_on) throw invalid("required", "sent_on", "请填写报送日期", "sent_on is required");
  if (*sent_on < held_on)
    throw invalid("sent_before_meeting", "sent_on", "报送日期不能早于会议日期（" + held_on.iso() + "）",
                  "sent before the meeting");
  if (*sent_on > today) throw invalid("sent_in_future", "sent_on", "报送日期不能晚于今天", "sent_on is in the future");
  f.sent_on = *sent_on;
  f.reference = trimmed(reference, "reference", "文号", 50);
  return f;
}

FilingState acknowledged(FilingState now, const Date& sent_on, const Date& on, const Date& today) {
  if (now != FilingState::kSent) throw answered(now);
  if (on < sent_on)
    throw invalid("answered_before_sent", "on", "确认日期不能早于报送日期（" + sent_on.iso() + "）",
                  "acknowledged before it was sent");
  if (on > today) throw invalid("answered_in_future", "on", "确认日期不能晚于今天", "on is in the future");
  return FilingState::kAcknowledged;
}

FilingState returned(FilingState now, const std::string& reason) {
  if (now != FilingState::kSent) throw answered(now);
  if (trim(reason).empty()) throw invalid("required", "reason", "请写明退回原因", "reason is required");
  if (utf8_length(trim(reason)).value_or(201) > 200)
    throw invalid("too_long", "reason", "退回原因不能超过200个字", "reason is too long");
  return FilingState::kReturned;
}

}  // namespace jinguo::domain::selection
