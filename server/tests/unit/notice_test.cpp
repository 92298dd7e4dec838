// Recruitment notices' pure rules (domain/selection/notice.h): the fields as the clerk writes
// them, the states, and the shapes of the slug and the receipt code.
#include <gtest/gtest.h>

#include <functional>

#include "domain/error.h"
#include "domain/selection/notice.h"

using namespace jinguo::domain;
using namespace jinguo::domain::selection;

namespace {

std::string field_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code() + "@" + e.field();
  }
  return "";
}

const Date kToday(2016, 5, 10);

NoticeInput valid_input() {
  NoticeInput in;
  in.title = "  会一村妇联执委招募公告 ";
  in.duties = "参与村妇联日常工作";
  in.conditions = "热心妇女工作，年龄在18周岁以上";
  in.how_to_apply = "扫码自荐，或到村委会报名";
  in.contact = "  ";
  in.deadline = Date(2016, 5, 31);
  in.places = {{std::string("executive"), 3}, {std::string("vice_chair"), 1}};
  return in;
}

}  // namespace

TEST(Notice, TheFieldsAreTrimmedAndChecked) {
  auto f = notice_fields(BodyType::kVillage, valid_input(), kToday);
  EXPECT_EQ(f.title, "会一村妇联执委招募公告");
  EXPECT_EQ(f.coverage, Coverage::kOwn);
  EXPECT_FALSE(f.contact);
  ASSERT_EQ(f.places.size(), 2u);
  EXPECT_EQ(f.places[0].role, "executive");
  EXPECT_EQ(f.places[0].places, 3);

  auto with = [](auto change) {
    return [change] {
      NoticeInput in = valid_input();
      change(in);
      notice_fields(BodyType::kVillage, in, kToday);
    };
  };
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.title = " "; })), "required@title");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.title = std::string(61 * 3, 'a'); })), "too_long@title");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.duties.reset(); })), "required@duties");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.deadline.reset(); })), "required@deadline");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.deadline = Date(2016, 5, 9); })), "deadline_past@deadline");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.places.clear(); })), "required@places");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.places.assign(21, {std::string("x"), 1}); })), "too_many@places");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.places[1].role = "executive"; })), "duplicate@places[1].role");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.places[0].role.reset(); })), "required@places[0].role");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.places[1].places = 0; })), "out_of_range@places[1].places");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.places[1].places = 101; })), "out_of_range@places[1].places");
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.coverage = "all"; })), "unknown_coverage@coverage");
  // the deadline may be today
  EXPECT_EQ(field_of(with([](NoticeInput& in) { in.deadline = kToday; })), "");
}

TEST(Notice, OnlyATownshipOrStreetRecruitsForItsVillages) {
  NoticeInput in = valid_input();
  in.coverage = "villages";
  EXPECT_EQ(notice_fields(BodyType::kTownship, in, kToday).coverage, Coverage::kVillages);
  EXPECT_EQ(notice_fields(BodyType::kStreet, in, kToday).coverage, Coverage::kVillages);
  EXPECT_EQ(field_of([&] { notice_fields(BodyType::kVillage, in, kToday); }), "coverage_not_allowed@coverage");
  EXPECT_EQ(field_of([&] { notice_fields(BodyType::kDistrict, in, kToday); }), "coverage_not_allowed@coverage");
  EXPECT_EQ(place_body_types(BodyType::kVillage, Coverage::kOwn), std::vector<BodyType>{BodyType::kVillage});
  EXPECT_EQ(place_body_types(BodyType::kTownship, Coverage::kVillages).front(), BodyType::kVillage);
  EXPECT_EQ(place_body_types(BodyType::kStreet, Coverage::kVillages).front(), BodyType::kCommunity);
}

TEST(Notice, ADraftIsChangedAndPublishedOncePublishedItIsOnlyClosed) {
  Notice n;
  n.fields = notice_fields(BodyType::kVillage, valid_input(), kToday);
  EXPECT_NO_THROW(require_draft(n));
  EXPECT_NO_THROW(check_publish(n, kToday));
  EXPECT_EQ(field_of([&] { check_publish(n, Date(2016, 6, 1)); }), "deadline_past@deadline");
  EXPECT_EQ(field_of([&] { check_close(n); }), "notice_not_published@state");
  EXPECT_FALSE(is_open(n, kToday));

  n.state = NoticeState::kPublished;
  EXPECT_EQ(field_of([&] { require_draft(n); }), "notice_published@state");
  EXPECT_EQ(field_of([&] { check_publish(n, kToday); }), "notice_published@state");
  EXPECT_TRUE(is_open(n, kToday));
  EXPECT_TRUE(is_open(n, Date(2016, 5, 31)));  // through the deadline day
  EXPECT_FALSE(is_open(n, Date(2016, 6, 1)));
  EXPECT_EQ(closed_reason(n, Date(2016, 6, 1)), "deadline_passed");
  EXPECT_FALSE(closed_reason(n, kToday));
  EXPECT_NO_THROW(check_close(n));

  n.state = NoticeState::kClosed;
  EXPECT_FALSE(is_open(n, kToday));
  EXPECT_EQ(closed_reason(n, kToday), "closed");
  EXPECT_EQ(field_of([&] { check_close(n); }), "notice_closed@state");
}

TEST(Notice, SlugsAndReceiptCodesHaveOneShape) {
  EXPECT_TRUE(is_notice_slug("abcdefghijklmnopqrstuvwxyz"));
  EXPECT_TRUE(is_notice_slug("a234567abcdefghijklmnopqrs"));
  EXPECT_FALSE(is_notice_slug("abcdefghijklmnopqrstuvwxy"));
  EXPECT_FALSE(is_notice_slug("Abcdefghijklmnopqrstuvwxyz"));
  EXPECT_FALSE(is_notice_slug("a1cdefghijklmnopqrstuvwxyz"));

  EXPECT_EQ(format_receipt_code("K7QM2XPD9ARF0B3CHW5N"), "K7QM-2XPD-9ARF-0B3C-HW5N");
  EXPECT_EQ(normalise_receipt_code("K7QM-2XPD-9ARF-0B3C-HW5N"), "K7QM2XPD9ARF0B3CHW5N");
  EXPECT_EQ(normalise_receipt_code("k7qm 2xpd 9arf ob3c hw5n"), "K7QM2XPD9ARF0B3CHW5N");  // o read as 0
  EXPECT_EQ(normalise_receipt_code("K7QM-2XPD-9ARF-0B3C-HW5l"), "K7QM2XPD9ARF0B3CHW51");  // l read as 1
  EXPECT_FALSE(normalise_receipt_code("K7QM-2XPD-9ARF-0B3C-HW5"));
  EXPECT_FALSE(normalise_receipt_code("K7QM-2XPD-9ARF-0B3C-HW5NN"));
  EXPECT_FALSE(normalise_receipt_code("K7QM-2XPD-9ARF-0B3C-HW5U"));  // U is not in Crockford's alphabet
  EXPECT_FALSE(normalise_receipt_code("K7QM-2XPD-9ARF-0B3C-HW5%"));
  EXPECT_FALSE(normalise_receipt_code(""));
}
