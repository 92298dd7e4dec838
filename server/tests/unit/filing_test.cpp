// Filing's pure rules (domain/selection/filing.h): what a filing needs when it is sent, and that
// only a sent filing is answered.
#include <gtest/gtest.h>

#include <functional>

#include "domain/error.h"
#include "domain/selection/filing.h"

using namespace jinguo::domain;
using namespace jinguo::domain::selection;

namespace {

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "";
}

const Date kMeeting(2016, 7, 20), kToday(2016, 9, 1);

TEST(Filing, AFilingIsSentAfterTheMeetingAndNotAfterToday) {
  auto f = sent_filing(std::nullopt, "会一镇妇联", Date(2016, 7, 22), std::string(" 会妇备〔2016〕3号 "), kMeeting, kToday);
  EXPECT_EQ(f.recipient_name, "会一镇妇联");
  EXPECT_EQ(f.reference, "会妇备〔2016〕3号");
  EXPECT_EQ(sent_filing(std::string("中共会一村支部委员会"), "x", kMeeting, std::nullopt, kMeeting, kToday).recipient_name,
            "中共会一村支部委员会");
  EXPECT_EQ(code_of([] { sent_filing(std::nullopt, "x", std::nullopt, std::nullopt, kMeeting, kToday); }), "required");
  EXPECT_EQ(code_of([] { sent_filing(std::nullopt, "x", Date(2016, 7, 19), std::nullopt, kMeeting, kToday); }),
            "sent_before_meeting");
  EXPECT_EQ(code_of([] { sent_filing(std::nullopt, "x", Date(2016, 9, 2), std::nullopt, kMeeting, kToday); }),
            "sent_in_future");
  EXPECT_EQ(code_of([] { sent_filing(std::nullopt, "x", kMeeting, std::string(51, 'a'), kMeeting, kToday); }), "too_long");
}

TEST(Filing, OnlyASentFilingIsAnswered) {
  EXPECT_EQ(acknowledged(FilingState::kSent, kMeeting, Date(2016, 7, 25), kToday), FilingState::kAcknowledged);
  EXPECT_EQ(code_of([] { acknowledged(FilingState::kSent, kMeeting, Date(2016, 7, 19), kToday); }), "answered_before_sent");
  EXPECT_EQ(code_of([] { acknowledged(FilingState::kAcknowledged, kMeeting, kMeeting, kToday); }), "filing_answered");
  EXPECT_EQ(returned(FilingState::kSent, "缺少会议记录"), FilingState::kReturned);
  EXPECT_EQ(code_of([] { returned(FilingState::kSent, " "); }), "required");
  EXPECT_EQ(code_of([] { returned(FilingState::kReturned, "again"); }), "filing_answered");
  for (auto s : {FilingState::kSent, FilingState::kAcknowledged, FilingState::kReturned})
    EXPECT_EQ(filing_state_from_code(filing_state_code(s)), s);
  EXPECT_EQ(recipient_from_code("party"), Recipient::kParty);
  EXPECT_FALSE(recipient_from_code("county"));
}

}  // namespace
