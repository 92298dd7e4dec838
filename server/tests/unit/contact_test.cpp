// The contacts of form 1 (domain/contact.h): a table of entries and the error each gives
// (code@field), or what it is stored as.
#include <gtest/gtest.h>

#include <functional>

#include "domain/contact.h"
#include "domain/error.h"

using namespace jinguo::domain;

namespace {

const Date kToday(2016, 6, 20);

Contact plain() {
  Contact c;
  c.id = 4;
  c.organisation_id = 2;
  c.name = "王秀英";
  c.post = "组织联络部部长";
  c.mobile = "13804512345";
  c.start_on = Date(2016, 6, 2);
  return c;
}

std::string outcome(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code() + "@" + e.field();
  }
  return "ok";
}

struct ContactCase {
  const char* name;
  std::function<void(Contact&)> edit;
  std::string expected;  // "ok" or code@field
};

class ContactRules : public ::testing::TestWithParam<ContactCase> {};

TEST_P(ContactRules, RefusesWithTheField) {
  const auto& c = GetParam();
  Contact contact = plain();
  c.edit(contact);
  EXPECT_EQ(outcome([&] { normalise_and_validate(contact, kToday); }), c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ContactRules,
    ::testing::Values(
        ContactCase{"a plain contact", [](Contact&) {}, "ok"},
        ContactCase{"a minority name", [](Contact& c) { c.name = "阿依古丽·买买提"; }, "ok"},
        ContactCase{"name blank", [](Contact& c) { c.name = "　 "; }, "required@name"},
        ContactCase{"name with digits", [](Contact& c) { c.name = "王秀英2"; }, "name_characters@name"},
        ContactCase{"name too long", [](Contact& c) { c.name = std::string(51, 'a'); }, "too_long@name"},
        ContactCase{"post not UTF-8", [](Contact& c) { c.post = std::string("\xff\xfe"); }, "invalid_text@post"},
        ContactCase{"post too long", [](Contact& c) {
                      c.post.emplace();
                      for (int i = 0; i < 51; ++i) *c.post += "部";
                    }, "too_long@post"},
        ContactCase{"post of exactly 50", [](Contact& c) {
                      c.post.emplace();
                      for (int i = 0; i < 50; ++i) *c.post += "部";
                    }, "ok"},
        ContactCase{"no post", [](Contact& c) { c.post.reset(); }, "ok"},
        ContactCase{"a landline as mobile", [](Contact& c) { c.mobile = "0451-86661234"; }, "mobile_format@mobile"},
        ContactCase{"a mobile too short", [](Contact& c) { c.mobile = "1380451234"; }, "mobile_format@mobile"},
        ContactCase{"an office phone with text", [](Contact& c) { c.office_phone = "找王部长"; },
                    "office_phone_format@office_phone"},
        ContactCase{"an office phone and extension", [](Contact& c) { c.office_phone = "0451-86661234转801"; }, "ok"},
        ContactCase{"only an e-mail", [](Contact& c) {
                      c.mobile.reset();
                      c.email = "fulian@example.cn";
                    }, "ok"},
        ContactCase{"only an office phone", [](Contact& c) {
                      c.mobile.reset();
                      c.office_phone = "045186661234";
                    }, "ok"},
        ContactCase{"no way to reach her", [](Contact& c) { c.mobile = "  "; }, "contact_unreachable@mobile"},
        ContactCase{"e-mail without @", [](Contact& c) { c.email = "fulian.example.cn"; }, "email_format@email"},
        ContactCase{"e-mail with two @", [](Contact& c) { c.email = "a@b@example.cn"; }, "email_format@email"},
        ContactCase{"e-mail without a dot in the domain", [](Contact& c) { c.email = "fulian@localhost"; },
                    "email_format@email"},
        ContactCase{"e-mail with a one-letter tld", [](Contact& c) { c.email = "fulian@example.c"; }, "email_format@email"},
        ContactCase{"e-mail with a space", [](Contact& c) { c.email = "fu lian@example.cn"; }, "email_format@email"},
        ContactCase{"e-mail with Chinese", [](Contact& c) { c.email = "妇联@example.cn"; }, "email_format@email"},
        ContactCase{"e-mail with an empty label", [](Contact& c) { c.email = "fulian@example..cn"; }, "email_format@email"},
        ContactCase{"start before 1949", [](Contact& c) { c.start_on = Date(1948, 1, 1); }, "start_too_early@start_on"},
        ContactCase{"end on the start day", [](Contact& c) { c.end_on = c.start_on; }, "end_before_start@start_on"},
        ContactCase{"end after the start", [](Contact& c) { c.end_on = c.start_on.plus_days(1); }, "ok"}));

TEST(ContactNormalising, PhonesAsTheImporterWritesThemAndTheEmailsDomainInLowerCase) {
  Contact c = plain();
  c.name = " 王 秀英 ";
  c.post = "  ";
  c.mobile = "+86 138-0451-2345";
  c.office_phone = "（0451）8666 1234";
  c.email = " Fu.Lian＠Example.CN ";
  normalise_and_validate(c, kToday);
  EXPECT_EQ(c.name, "王秀英");
  EXPECT_FALSE(c.post);
  EXPECT_EQ(c.mobile, "13804512345");
  EXPECT_EQ(c.office_phone, "0451-86661234");
  EXPECT_EQ(c.email, "Fu.Lian@example.cn");
}

TEST(ContactChanging, AChangeIsCheckedAgainAndNullClears) {
  ContactChanges changes;
  changes.email = std::optional<std::string>("fulian@example.cn");
  changes.mobile = std::optional<std::string>();  // cleared
  Contact after = changed(plain(), changes, kToday);
  EXPECT_FALSE(after.mobile);
  EXPECT_EQ(after.email, "fulian@example.cn");
  EXPECT_EQ(after.post, "组织联络部部长");  // left alone

  ContactChanges nothing_left;
  nothing_left.mobile = std::optional<std::string>();
  EXPECT_EQ(outcome([&] { changed(plain(), nothing_left, kToday); }), "contact_unreachable@mobile");
}

TEST(ContactEnding, EndedOnceAndAfterTheStart) {
  Contact c = plain();
  EXPECT_EQ(outcome([&] { ended(c, c.start_on); }), "end_before_start@end_on");
  Contact done = ended(c, Date(2016, 9, 1));
  EXPECT_EQ(done.end_on, Date(2016, 9, 1));
  EXPECT_EQ(outcome([&] { ended(done, Date(2016, 10, 1)); }), "contact_ended@end_on");
  EXPECT_TRUE(done.open_on(Date(2016, 8, 31)));
  EXPECT_FALSE(done.open_on(Date(2016, 9, 1)));  // the end day is the first day she is not
  EXPECT_FALSE(done.open_on(Date(2016, 6, 1)));
}

}  // namespace
