#pragma once
// Filing (备案, issue 13 §6): a women's meeting's result is filed with the Party organisation
// at the same level and with the federation above; each filing is sent, then acknowledged or
// returned with a reason (then sent again). Pure rules.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace jinguo::domain::selection {

enum class Recipient { kParty, kFederationAbove };
std::string_view recipient_code(Recipient r);   // party, federation_above
std::string_view recipient_label(Recipient r);  // 同级党组织, 上级妇联
std::optional<Recipient> recipient_from_code(std::string_view code);

enum class FilingState { kSent, kAcknowledged, kReturned };
std::string_view filing_state_code(FilingState s);   // sent, acknowledged, returned
std::string_view filing_state_label(FilingState s);  // 已报送, 已确认, 已退回
std::optional<FilingState> filing_state_from_code(std::string_view code);

// A filing as sent: the recipient's name (1..100, defaulting to `default_name`), sent on a day
// not before the meeting nor after today, an optional reference (≤ 50). 422 naming the field.
struct SentFiling {
  std::string recipient_name;
  Date sent_on;
  std::optional<std::string> reference;
};
SentFiling sent_filing(std::optional<std::string> name, const std::string& default_name, std::optional<Date> sent_on,
                       std::optional<std::string> reference, const Date& held_on, const Date& today);

// The state after an answer: only a sent filing is acknowledged (on a day from its sending to
// today) or returned (with a reason, 1..200): 409 filing_answered otherwise, 422 on the fields.
FilingState acknowledged(FilingState now, const Date& sent_on, const Date& on, const Date& today);
FilingState returned(FilingState now, const std::string& reason);

}  // namespace jinguo::domain::selection
