// The survey archives' entry rules (domain/archive.h): a table of entries and the error
// each gives, or none.
#include <gtest/gtest.h>

#include <functional>

#include "domain/archive.h"
#include "domain/error.h"

using namespace jinguo::domain;

namespace {

const Date kToday(2016, 9, 20);

struct Case {
  const char* name;
  std::function<void(SocialOrganisation&)> edit;
  const char* code;   // nullptr: accepted
  const char* field;
};

TEST(Archive, SocialOrganisationRules) {
  const Case cases[] = {
      {"a plain entry", [](SocialOrganisation&) {}, nullptr, nullptr},
      {"name blank", [](SocialOrganisation& e) { e.name = "　 "; }, "required", "name"},
      {"name too long", [](SocialOrganisation& e) { e.name = std::string(101 * 3, 'x'); }, "too_long", "name"},
      {"negative members", [](SocialOrganisation& e) { e.member_count = -1; }, "member_count_range", "member_count"},
      {"founded tomorrow", [](SocialOrganisation& e) { e.founded_on = kToday.plus_days(1); }, "date_in_future",
       "founded_on"},
      {"founded today", [](SocialOrganisation& e) { e.founded_on = kToday; }, nullptr, nullptr},
      {"a mobile with spaces", [](SocialOrganisation& e) { e.contact = "138 0451 2345"; }, nullptr, nullptr},
      {"a landline", [](SocialOrganisation& e) { e.contact = "0451-84694842"; }, nullptr, nullptr},
      {"no phone at all", [](SocialOrganisation& e) { e.contact = "call the head"; }, "contact_format", "contact"},
      {"invalid UTF-8", [](SocialOrganisation& e) { e.kind = std::string("\xff\xfe"); }, "invalid_text", "kind"},
      {"a head with a minority name", [](SocialOrganisation& e) { e.head_name = "阿依古丽•买买提"; }, nullptr, nullptr},
      {"a head with an emoji", [](SocialOrganisation& e) { e.head_name = "张三😀"; }, "name_characters", "head_name"},
      {"a head with a control character", [](SocialOrganisation& e) { e.head_name = "张\a三"; }, "control_characters",
       "head_name"},
  };
  for (const auto& c : cases) {
    SocialOrganisation e;
    e.organisation_id = 1;
    e.name = "巾帼志愿服务队";
    c.edit(e);
    if (!c.code) {
      EXPECT_NO_THROW(normalise_and_validate(e, kToday)) << c.name;
      continue;
    }
    try {
      normalise_and_validate(e, kToday);
      ADD_FAILURE() << c.name << ": accepted";
    } catch (const DomainError& error) {
      EXPECT_EQ(error.code(), c.code) << c.name;
      EXPECT_EQ(error.field(), c.field) << c.name;
    }
  }
}

TEST(Archive, EntriesAreNormalised) {
  SocialOrganisation s;
  s.name = "  巾帼志愿服务队　";
  s.kind = "   ";
  s.contact = "+86 138-0451-2345";
  s.head_name = " 阿依古丽．买买提 ";
  normalise_and_validate(s, kToday);
  EXPECT_EQ(s.name, "巾帼志愿服务队");
  EXPECT_EQ(s.head_name, "阿依古丽·买买提");  // the person-name rule: a full-width dot becomes the middle dot
  EXPECT_FALSE(s.kind);  // blank is none
  EXPECT_EQ(s.contact, "13804512345");

  OutstandingWoman w;
  w.honour = " 三八红旗手 ";
  w.year = 2016;
  normalise_and_validate(w, kToday);
  EXPECT_EQ(w.honour, "三八红旗手");
  w.year = 2017;  // after today
  EXPECT_THROW(normalise_and_validate(w, kToday), DomainError);
  w.year = 1949;
  EXPECT_NO_THROW(normalise_and_validate(w, kToday));
}

}  // namespace
