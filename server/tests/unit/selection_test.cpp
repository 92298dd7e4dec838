// The selection procedure's state machine (domain/selection): every step against every event.
#include <gtest/gtest.h>

#include "../support/refusal.h"
#include "domain/error.h"
#include "domain/selection/selection.h"

using namespace jinguo::domain;
using namespace jinguo::domain::selection;

namespace {

using jinguo::test_support::refusal;

constexpr Step kAll[] = {Step::kNominated, Step::kAssessed, Step::kMannerDecided, Step::kConfirmed, Step::kAppointed,
                         Step::kCertified, Step::kFiled,    Step::kFailed,        Step::kNotConfirmed, Step::kWithdrawn};
constexpr Event kEvents[] = {Event::kAssess, Event::kDecideManner, Event::kConfirm, Event::kAppoint,
                             Event::kCertify, Event::kFile, Event::kWithdraw};

Decision passed() {
  Decision d;
  d.manner = "part_time";
  return d;
}

// The one legal successor of each step for each event (nullopt: refused out of order).
std::optional<Step> expected(Step from, Event e) {
  switch (e) {
    case Event::kAssess: return from == Step::kNominated ? std::optional(Step::kAssessed) : std::nullopt;
    case Event::kDecideManner: return from == Step::kAssessed ? std::optional(Step::kMannerDecided) : std::nullopt;
    case Event::kConfirm: return from == Step::kMannerDecided ? std::optional(Step::kConfirmed) : std::nullopt;
    case Event::kAppoint: return from == Step::kConfirmed ? std::optional(Step::kAppointed) : std::nullopt;
    case Event::kCertify: return from == Step::kAppointed ? std::optional(Step::kCertified) : std::nullopt;
    case Event::kFile: return from == Step::kCertified ? std::optional(Step::kFiled) : std::nullopt;
    case Event::kWithdraw:
      return from == Step::kNominated || from == Step::kAssessed || from == Step::kMannerDecided ||
                     from == Step::kConfirmed
                 ? std::optional(Step::kWithdrawn)
                 : std::nullopt;
  }
  return std::nullopt;
}

TEST(Selection, EveryStepAgainstEveryEvent) {
  int refused = 0;
  for (Step from : kAll)
    for (Event e : kEvents) {
      SCOPED_TRACE(std::string(step_code(from)) + " + " + std::string(event_code(e)));
      auto want = expected(from, e);
      if (want) {
        EXPECT_EQ(next_step(from, e, passed()), *want);
        continue;
      }
      ++refused;
      try {
        next_step(from, e, passed());
        ADD_FAILURE() << "not refused";
      } catch (const DomainError& err) {
        EXPECT_EQ(err.code(), "out_of_order");
        EXPECT_EQ(err.kind(), ErrorKind::kConflict);
        // The clerk reads where it stands.
        EXPECT_NE(err.message_zh().find(std::string(step_label(from))), std::string::npos) << err.message_zh();
      }
    }
  EXPECT_EQ(refused, 70 - 10);
}

TEST(Selection, TheEventsOfferedAreTheOnesThatFollow) {
  for (Step from : kAll)
    for (Event e : kEvents) {
      bool offered = false;
      for (Event p : possible_events(from)) offered = offered || p == e;
      EXPECT_EQ(offered, expected(from, e).has_value()) << step_code(from) << " " << event_code(e);
    }
}

TEST(Selection, FailingAndNotConfirmedEndIt) {
  Decision no;
  no.passed = false;
  EXPECT_EQ(next_step(Step::kNominated, Event::kAssess, no), Step::kFailed);
  EXPECT_EQ(next_step(Step::kMannerDecided, Event::kConfirm, no), Step::kNotConfirmed);
  for (Step end : {Step::kFailed, Step::kNotConfirmed, Step::kWithdrawn, Step::kFiled}) {
    EXPECT_TRUE(is_final(end));
    EXPECT_TRUE(possible_events(end).empty());
  }
}

TEST(Selection, TheMannerIsOneOfFourAndNotesAreShort) {
  Decision d;
  d.manner = "honorary";
  EXPECT_EQ(refusal([&] { next_step(Step::kAssessed, Event::kDecideManner, d); }), "unknown_manner");
  d.manner.reset();
  EXPECT_EQ(refusal([&] { next_step(Step::kAssessed, Event::kDecideManner, d); }), "unknown_manner");
  for (const char* m : {"full_time", "part_time", "seconded", "volunteer"}) {
    d.manner = m;
    EXPECT_EQ(next_step(Step::kAssessed, Event::kDecideManner, d), Step::kMannerDecided) << m;
  }
  Decision note;
  note.note = std::string(501, 'x');
  EXPECT_EQ(refusal([&] { next_step(Step::kNominated, Event::kAssess, note); }), "too_long");
}

TEST(Selection, ChannelsAndWhoNominated) {
  EXPECT_EQ(channel_from_code("residents"), Channel::kResidents);
  EXPECT_EQ(channel_from_code("friends"), std::nullopt);
  EXPECT_EQ(channel_label(Channel::kUnit), "单位推荐");
  EXPECT_EQ(nominator(Channel::kSelf, ""), "");
  EXPECT_EQ(nominator(Channel::kDirect, ""), "");
  EXPECT_EQ(nominator(Channel::kSelf, " 她自己 "), "");  // nobody else nominated her: nothing kept
  EXPECT_EQ(nominator(Channel::kResidents, " 张大妈 "), "张大妈");
  EXPECT_EQ(refusal([] { nominator(Channel::kResidents, "  "); }), "required");
  EXPECT_EQ(refusal([] { nominator(Channel::kUnit, ""); }), "required");
  EXPECT_EQ(refusal([] { nominator(Channel::kUnit, std::string(101, 'a')); }), "too_long");
  for (Step s : kAll) EXPECT_EQ(step_from_code(step_code(s)), s);
  for (Event e : kEvents) EXPECT_EQ(event_from_code(event_code(e)), e);
  EXPECT_EQ(event_from_code("decide-manner"), std::nullopt);
}

}  // namespace
