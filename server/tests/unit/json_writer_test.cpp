// The JSON writer of the HTTP answers: the same text as nlohmann's dump for every string,
// and the same JSON as the DOM the shapes used to build.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "domain/access/masking.h"
#include "http/api.h"
#include "http/dto.h"
#include "http/json_writer.h"
#include "http/staffing_dto.h"

using jinguo::http::JsonWriter;
using jinguo::http::json_of;
using nlohmann::json;
namespace domain = jinguo::domain;
namespace dto = jinguo::http::dto;
namespace services = jinguo::services;
namespace storage = jinguo::storage;

namespace {

std::string written(std::string_view text) { return JsonWriter().value(text).text(); }

// What the API sent before the writer: nlohmann's dump, invalid UTF-8 replaced.
std::string dumped(std::string_view text) {
  return json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

TEST(JsonWriter, EscapesEveryControlCharacterAsNlohmannDoes) {
  for (int c = 0; c < 0x20; ++c) {
    std::string text = "a" + std::string(1, static_cast<char>(c)) + "b";
    EXPECT_EQ(written(text), dumped(text)) << "control character " << c;
  }
  EXPECT_EQ(written("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(written(std::string_view("\x00\x01\x1f", 3)), R"("\u0000\u0001\u001f")");  // lower-case hex
  EXPECT_EQ(written("\x1b"), R"("\u001b")");
}

TEST(JsonWriter, QuotesBackslashAndWhatStaysAsItIs) {
  EXPECT_EQ(written(R"(say "hi" \ bye)"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(written("a/b"), R"("a/b")");        // '/' is not escaped
  EXPECT_EQ(written("\x7f"), "\"\x7f\"");       // nor DEL
  EXPECT_EQ(written(""), R"("")");
  for (std::string_view text : {R"(")", R"(\)", R"(\")", "/", "plain ascii text"})
    EXPECT_EQ(written(text), dumped(text));
}

TEST(JsonWriter, PassesUtf8ThroughAsItIs) {
  EXPECT_EQ(written("巾帼 哈尔滨市妇联"), "\"巾帼 哈尔滨市妇联\"");
  EXPECT_EQ(written("𠮷野家"), "\"𠮷野家\"");  // U+20BB7, outside the BMP: four bytes
  EXPECT_EQ(written("\xF0\xA0\xAE\xB7"), "\"\xF0\xA0\xAE\xB7\"");
  EXPECT_EQ(written("阿依古丽·买买提\n"), "\"阿依古丽·买买提\\n\"");
  EXPECT_EQ(written("€ é \xF4\x8F\xBF\xBF"), dumped("€ é \xF4\x8F\xBF\xBF"));  // up to U+10FFFF
}

TEST(JsonWriter, ReplacesInvalidUtf8WithTheReplacementCharacter) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  EXPECT_EQ(written("a\x80z"), "\"a" + r + "z\"");                  // a lone continuation byte
  EXPECT_EQ(written("a\xFFz"), "\"a" + r + "z\"");                  // never in UTF-8
  EXPECT_EQ(written("a\xE5\xB8"), "\"a" + r + "\"");                // cut short at the end: one
  EXPECT_EQ(written("\xE5\xB8x"), "\"" + r + "x\"");                // cut short before ASCII
  EXPECT_EQ(written("\xC0\xAF"), "\"" + r + r + "\"");              // overlong '/'
  EXPECT_EQ(written("\xED\xA0\x80"), "\"" + r + r + r + "\"");      // a surrogate
  EXPECT_EQ(written("\xF4\x90\x80\x80"), "\"" + r + r + r + r + "\"");  // above U+10FFFF
  EXPECT_EQ(written("\xE5\xB8\xE5\xB8\xBC"), "\"" + r + "帼\"");    // the next character survives
  for (std::string_view text : {"\x80", "a\xE5\xB8", "\xC0\xAF", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xE5\xB8\"\n",
                                "\xF0\xA0\xAE", "\xF0\xA0\xAE\x22"})
    EXPECT_EQ(written(text), dumped(text));
}

// Any bytes at all: the same text as nlohmann's dump with error_handler_t::replace.
TEST(JsonWriter, AnyBytesAsNlohmannDumpsThem) {
  // Bytes around every boundary of the UTF-8 table, control characters and escapes.
  const unsigned char alphabet[] = {0x00, 0x08, 0x09, 0x1F, 0x20, '"',  '\\', '/',  'a',  0x7F, 0x80, 0x8F,
                                    0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                                    0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 random(2016);
  std::uniform_int_distribution<std::size_t> length(0, 10), pick(0, sizeof alphabet - 1);
  for (int i = 0; i < 50000; ++i) {
    std::string text(length(random), '\0');
    for (auto& c : text) c = static_cast<char>(alphabet[pick(random)]);
    std::vector<int> bytes;
    for (unsigned char c : text) bytes.push_back(c);
    ASSERT_EQ(written(text), dumped(text)) << "bytes " << testing::PrintToString(bytes);
  }
}

TEST(JsonWriter, PutsCommasBetweenKeysAndValuesAtEveryLevel) {
  JsonWriter w;
  w.begin_object()
      .field("a", 1)
      .key("empty_array").begin_array().end_array()
      .key("empty_object").begin_object().end_object()
      .key("nested").begin_array().value(1).begin_object().field("b", nullptr).field("c", "x").end_object()
      .begin_array().begin_array().end_array().value(false).end_array().value("d").end_array()
      .field("e", true)
      .end_object();
  EXPECT_EQ(w.text(), R"({"a":1,"empty_array":[],"empty_object":{},)"
                      R"("nested":[1,{"b":null,"c":"x"},[[],false],"d"],"e":true})");
  EXPECT_EQ(JsonWriter().begin_array().end_array().text(), "[]");
}

TEST(JsonWriter, ObjectAndArrayHelpers) {
  JsonWriter w;
  std::vector<int> numbers{1, 2, 3};
  w.object([&] {
    w.key("numbers").array(numbers, [&](int n) { w.value(n * 10); });
    w.key("inner").object([&] { w.field("k", "v"); });
  });
  EXPECT_EQ(w.text(), R"({"numbers":[10,20,30],"inner":{"k":"v"}})");
}

TEST(JsonWriter, OptionalIsNullWhenEmpty) {
  JsonWriter w;
  w.begin_array()
      .value(std::optional<int>())
      .value(std::optional<int>(5))
      .value(std::optional<std::string>())
      .value(std::optional<std::string>("哈"))
      .value(std::optional<std::int64_t>(-7))
      .end_array();
  EXPECT_EQ(w.text(), R"([null,5,null,"哈",-7])");
}

TEST(JsonWriter, Numbers) {
  JsonWriter w;
  w.begin_array()
      .value(0)
      .value(-1)
      .value(std::numeric_limits<std::int64_t>::min())
      .value(std::numeric_limits<std::int64_t>::max())
      .value(std::numeric_limits<std::uint64_t>::max())
      .value(std::size_t{42})
      .value(123LL)
      .end_array();
  EXPECT_EQ(w.text(), "[0,-1,-9223372036854775808,9223372036854775807,18446744073709551615,42,123]");
  EXPECT_EQ(json::parse(w.text()), json::parse(json({0, -1, std::numeric_limits<std::int64_t>::min(),
                                                     std::numeric_limits<std::int64_t>::max(),
                                                     std::numeric_limits<std::uint64_t>::max(), 42, 123})
                                                   .dump()));
}

TEST(JsonWriter, EmbedsADomAsItsDump) {
  JsonWriter w;
  w.begin_object().field("a", 1).key("dom").dom(json{{"x", {1, 2}}, {"y", "\x80"}}).field("b", 2).end_object();
  EXPECT_EQ(w.text(), R"({"a":1,"dom":{"x":[1,2],"y":")" "\xEF\xBF\xBD" R"("},"b":2})");
}

TEST(JsonWriter, ReplyBodyFromTheWriterOrADom) {
  JsonWriter ok;
  ok.begin_object().field("ok", true).end_object();
  jinguo::http::Reply from_writer{200, std::move(ok)};
  EXPECT_EQ(from_writer.body.text, R"({"ok":true})");
  jinguo::http::Reply from_list{201, {{"ok", true}}};
  EXPECT_EQ(from_list.status, 201);
  EXPECT_EQ(from_list.body.text, R"({"ok":true})");
  jinguo::http::Reply from_pairs{200, {{"a", 1}, {"b", {1, 2}}}};
  EXPECT_EQ(from_pairs.body.text, R"({"a":1,"b":[1,2]})");
  json dom = {{"s", "\x80"}};  // invalid UTF-8: replaced, never thrown
  jinguo::http::Reply from_dom{200, dom};
  EXPECT_EQ(from_dom.body.text, "{\"s\":\"\xEF\xBF\xBD\"}");
}

// ---- the shapes: the same JSON as the DOM the old code built -----------------------------

namespace {

json nullable(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

domain::Person sample_person() {
  domain::Person p;
  p.id = 42;
  p.name = "𠮷田\"阿依古丽\"";
  p.id_number = "23010219800101002X";
  p.birth_date = domain::Date(1980, 1, 1);
  p.sex = domain::Sex::kFemale;
  p.ethnicity = "01";
  p.education = "21";
  p.job_title = "主任\t(兼)";
  p.mobile = "13804512345";
  p.notes = "line\nbreak \\ \x01";
  return p;
}

storage::PositionRow sample_position() {
  storage::PositionRow row;
  row.position.id = 7;
  row.position.person_id = 42;
  row.position.organisation_id = 3;
  row.position.role = "chair";
  row.position.manner = "part_time";
  row.position.start_on = domain::Date(2016, 6, 1);
  row.position.end_on = domain::Date(2019, 6, 1);
  row.person_name = "𠮷田";
  row.organisation_name = "二八镇妇联";
  row.role_label = "主席";
  row.manner_label = "兼职";
  row.created_at = "2016-12-31T16:30:00Z";  // 2017-01-01 in China
  return row;
}

json person_json(const domain::Person& p) {  // as dto::person built it
  auto masked_id = domain::mask_id_number(p.id_number);
  auto phone = [](const std::optional<std::string>& v) { return nullable(domain::mask_optional_phone(v)); };
  return {{"id", p.id},
          {"name", p.name},
          {"id_number_masked", masked_id},
          {"id_number", masked_id},
          {"mobile_masked", phone(p.mobile)},
          {"office_phone_masked", phone(p.office_phone)},
          {"birth_date", p.birth_date.iso()},
          {"sex", domain::sex_code(p.sex)},
          {"ethnicity", nullable(p.ethnicity)},
          {"political_status", nullable(p.political_status)},
          {"education", nullable(p.education)},
          {"work_unit", nullable(p.work_unit)},
          {"job_title", nullable(p.job_title)},
          {"mobile", phone(p.mobile)},
          {"office_phone", phone(p.office_phone)},
          {"notes", nullable(p.notes)}};
}

domain::staffing::Finding sample_finding() {
  domain::staffing::Finding f;
  f.kind = domain::staffing::FindingKind::kSeat;
  f.severity = domain::staffing::Severity::kWarning;
  f.rule_set = {"harbin_2016", 2};
  f.rule = "seats.village_congress.director";
  f.organisation_id = 3;
  f.role = "executive";
  f.expected_min = 1;
  f.expected_max = 1;
  f.person_id = 42;
  f.occupant_id = 43;  // not in the context: a null name
  f.message_zh = "缺少席位";
  f.message_en = "seat missing";
  return f;
}

json finding_json(const domain::staffing::Finding& f, const std::string& role_label, const std::string& person_name) {
  return {{"organisation_id", f.organisation_id},
          {"kind", "seat"},
          {"severity", "warning"},
          {"rule_set", {{"code", f.rule_set.code}, {"version", f.rule_set.version}}},
          {"rule", f.rule},
          {"role", *f.role},
          {"role_label", role_label},
          {"expected_min", 1},
          {"expected_max", 1},
          {"actual", 0},
          {"person_id", 42},
          {"person_name", person_name},
          {"occupant_id", 43},
          {"occupant_name", nullptr},
          {"message", f.message_zh},
          {"message_en", f.message_en},
          {"advice", f.advice_zh},
          {"advice_en", f.advice_en}};
}

}  // namespace

TEST(JsonShapes, OrganisationDetailIsTheListShapePlusPathAndChildTypes) {
  services::OrganisationDetail d;
  auto& o = d.row.organisation;
  o.id = 3;
  o.parent_id = 2;
  o.type = domain::BodyType::kTownship;
  o.name = "二八镇妇联";
  o.established_on = domain::Date(2016, 6, 1);
  d.row.depth = 2;
  d.row.child_count = 12;
  d.row.member_count = 30;
  d.path = {{1, "哈尔滨市妇联", domain::BodyType::kCity}, {3, "二八镇妇联", domain::BodyType::kTownship}};

  json organisation = {{"id", 3},          {"parent_id", 2},          {"type", "township"},
                       {"type_label", domain::body_type_label(o.type)}, {"name", "二八镇妇联"},
                       {"division_code", nullptr}, {"pilot", false},  {"established_on", "2016-06-01"},
                       {"closed_on", nullptr},  {"open", true},      {"depth", 2},
                       {"child_count", 12},     {"member_count", 30}};
  EXPECT_EQ(json::parse(json_of(dto::organisation, d.row).text()), organisation);

  json path = json::array({{{"id", 1}, {"name", "哈尔滨市妇联"}, {"type", "city"}},
                           {{"id", 3}, {"name", "二八镇妇联"}, {"type", "township"}}});
  json found = organisation;
  found["path"] = path;
  EXPECT_EQ(json::parse(json_of(dto::organisation_with_path, d).text()), found);

  json detail = found;
  detail["allowed_child_types"] = json::array();
  for (auto t : domain::child_types_of(o.type)) detail["allowed_child_types"].push_back(domain::body_type_code(t));
  EXPECT_FALSE(detail["allowed_child_types"].empty());
  EXPECT_EQ(json::parse(json_of(dto::organisation_detail, d).text()), detail);

  storage::Page<storage::OrganisationRow> page{{d.row, d.row}, 57};
  storage::PageSpec spec{2, 2, "name", false};
  EXPECT_EQ(json::parse(dto::page(page, spec, dto::organisation).text()),
            (json{{"items", {organisation, organisation}}, {"total", 57}, {"page", 2}, {"page_size", 2}}));
}

TEST(JsonShapes, Roster) {
  services::Roster r;
  r.organisation_id = 3;
  r.on = domain::Date(2016, 9, 20);
  r.items.push_back({sample_position(), sample_person()});
  auto with_source = storage::RosterRow{sample_position(), sample_person()};
  with_source.row.position.source = "village_cadre";
  with_source.row.source_label = "村干部";
  with_source.row.position.end_on.reset();
  with_source.person.mobile.reset();
  r.items.push_back(with_source);

  json items = json::array();
  for (const auto& e : r.items) {
    const auto& p = e.row.position;
    const auto& who = e.person;
    items.push_back({{"position_id", p.id},
                     {"person_id", p.person_id},
                     {"name", who.name},
                     {"sex", "female"},
                     {"birth_date", "1980-01-01"},
                     {"age", 36},
                     {"ethnicity", nullable(who.ethnicity)},
                     {"political_status", nullptr},
                     {"education", nullable(who.education)},
                     {"work_unit", nullptr},
                     {"job_title", nullable(who.job_title)},
                     {"mobile_masked", nullable(domain::mask_optional_phone(who.mobile))},
                     {"role", "chair"},
                     {"role_label", "主席"},
                     {"manner", "part_time"},
                     {"manner_label", "兼职"},
                     {"source", nullable(p.source)},
                     {"source_label", nullable(e.row.source_label)},
                     {"start_on", "2016-06-01"},
                     {"end_on", p.end_on ? json(p.end_on->iso()) : json(nullptr)}});
  }
  EXPECT_EQ(json::parse(json_of(dto::roster, r).text()),
            (json{{"organisation_id", 3}, {"on", "2016-09-20"}, {"items", items}}));
}

TEST(JsonShapes, PersonSummaryAndDetailExtendThePerson) {
  auto p = sample_person();
  EXPECT_EQ(json::parse(json_of(dto::person, p).text()), person_json(p));

  services::PersonSummary s{p, {{42, 3, "二八镇妇联", "主席"}}, {{42, 4, "三八村妇联", "执委", domain::Date(2016, 9, 1)}}};
  json summary = person_json(p);
  summary["current_positions"] = {{{"organisation_id", 3}, {"organisation_name", "二八镇妇联"}, {"role_label", "主席"}}};
  summary["former_positions"] = {{{"organisation_id", 4}, {"organisation_name", "三八村妇联"}, {"role_label", "执委"},
                                  {"end_on", "2016-09-01"}}};
  EXPECT_EQ(json::parse(json_of(dto::person_summary, s).text()), summary);

  services::PersonDetail d{p, {{sample_position(), "哈尔滨市妇联 / 二八镇妇联"}}};
  json position = {{"id", 7},
                   {"person_id", 42},
                   {"person_name", "𠮷田"},
                   {"organisation_id", 3},
                   {"organisation_name", "二八镇妇联"},
                   {"role", "chair"},
                   {"role_label", "主席"},
                   {"manner", "part_time"},
                   {"manner_label", "兼职"},
                   {"source", nullptr},
                   {"source_label", nullptr},
                   {"start_on", "2016-06-01"},
                   {"end_on", "2019-06-01"},
                   {"end_reason", nullptr},
                   {"notes", nullptr},
                   {"current", true},
                   {"created_at", "2016-12-31T16:30:00Z"},
                   {"deletable", true}};
  const dto::Viewer today{domain::Date(2017, 1, 1), true};
  EXPECT_EQ(json::parse(json_of(dto::position, sample_position(), today).text()), position);
  json read_only = position;  // a viewer may not delete
  read_only["deletable"] = false;
  EXPECT_EQ(json::parse(json_of(dto::position, sample_position(), dto::Viewer{today.today, false}).text()), read_only);
  json detail = person_json(p);
  detail["positions"] = json::array({position});
  detail["positions"][0]["organisation_path"] = "哈尔滨市妇联 / 二八镇妇联";
  EXPECT_EQ(json::parse(json_of(dto::person_detail, d, today).text()), detail);

  services::Appointment a;
  static_cast<storage::PositionRow&>(a) = sample_position();
  a.warnings = {sample_finding()};
  services::FindingContext context{{}, {{42, "𠮷田"}}};
  json appointment = position;
  appointment["current"] = false;  // ended before this day
  appointment["deletable"] = false;  // entered on another day
  appointment["warnings"] = {finding_json(sample_finding(), domain::staffing::role_label("executive"), "𠮷田")};
  appointment["overridden"] = json::array();
  EXPECT_EQ(json::parse(json_of(dto::appointment, a, context, dto::Viewer{domain::Date(2020, 1, 1), true}).text()), appointment);
}

TEST(JsonShapes, DictionariesAccountsSessionsAudit) {
  domain::DictionaryEntry role{domain::DictionaryKind::kRole, "chair", "主席", "Chair", std::nullopt, 1, true,
                               std::vector<std::string>{"township", "village"}};
  domain::DictionaryEntry ethnicity{domain::DictionaryKind::kEthnicity, "01", "汉族", std::nullopt, "汉", 1, false,
                                    std::nullopt};
  json role_json = {{"code", "chair"}, {"label", "主席"}, {"label_en", "Chair"}, {"short_label", nullptr},
                    {"sort_order", 1}, {"active", true},  {"body_types", {"township", "village"}}};
  json ethnicity_json = {{"code", "01"},     {"label", "汉族"},   {"label_en", nullptr}, {"short_label", "汉"},
                         {"sort_order", 1}, {"active", false}, {"body_types", nullptr}};
  EXPECT_EQ(json::parse(json_of(dto::dictionary_entry, role).text()), role_json);
  EXPECT_EQ(json::parse(json_of(dto::dictionary_entries, std::vector{role, ethnicity}).text()),
            json::array({role_json, ethnicity_json}));
  json all = json::object();
  for (auto kind : domain::kAllDictionaryKinds) all[std::string(domain::dictionary_kind_code(kind))] = json::array();
  all[std::string(domain::dictionary_kind_code(role.kind))].push_back(role_json);
  all[std::string(domain::dictionary_kind_code(ethnicity.kind))].push_back(ethnicity_json);
  EXPECT_EQ(json::parse(json_of(dto::dictionaries, std::vector{role, ethnicity}).text()), all);

  storage::AccountRow account;
  account.id = 5;
  account.username = "daoli";
  account.password_hash = "$argon2id$secret";
  account.organisation_id = 2;
  account.organisation_name = "道里区妇联";
  account.role = domain::Role::kFederationAdmin;
  account.created_at = "2016-06-01T00:00:00Z";
  account.password_changed_at = "2016-06-02T00:00:00Z";
  auto account_text = json_of(dto::account, account).text();
  EXPECT_EQ(account_text.find("argon2id"), std::string::npos);
  EXPECT_EQ(json::parse(account_text), (json{{"id", 5},
                                              {"username", "daoli"},
                                              {"organisation_id", 2},
                                              {"organisation_name", "道里区妇联"},
                                              {"role", domain::role_code(account.role)},
                                              {"role_label", domain::role_label(account.role)},
                                              {"active", true},
                                              {"created_at", "2016-06-01T00:00:00Z"},
                                              {"password_changed_at", "2016-06-02T00:00:00Z"}}));

  storage::SessionRow session{"hash", "public", "csrf", 5, 0, 60, 1800, 43200, "127.0.0.1", std::nullopt};
  auto session_json = json::parse(json_of(dto::session, session, std::string("hash")).text());
  EXPECT_EQ(session_json, (json{{"id", "public"},
                                {"created_at", services::iso_of_unix(0)},
                                {"last_seen_at", services::iso_of_unix(60)},
                                {"expires_at", services::iso_of_unix(1800)},
                                {"absolute_expires_at", services::iso_of_unix(43200)},
                                {"address", "127.0.0.1"},
                                {"user_agent", nullptr},
                                {"current", true}}));

  services::AuditRecord event{{9, {}, "道里区妇联"}, "乙", "乙", {{"organisation_id", {{3, "道里区妇联"}}}}};
  event.stored.event.at = "2016-06-01T00:00:00Z";
  event.stored.event.actor = "daoli";
  event.stored.event.action = "update";
  event.stored.event.entity = "person";
  event.stored.event.entity_id = "42";
  event.stored.event.person_id = 42;
  event.stored.event.changes = R"({"name":{"before":"甲","after":"乙"}})";
  json audit = {{"id", 9},
                {"at", "2016-06-01T00:00:00Z"},
                {"actor", "daoli"},
                {"account_id", nullptr},
                {"address", nullptr},
                {"action", "update"},
                {"entity", "person"},
                {"entity_id", "42"},
                {"entity_label", "乙"},
                {"organisation_id", nullptr},
                {"organisation_name", "道里区妇联"},
                {"person_id", 42},
                {"person_name", "乙"},
                {"changes", {{"name", {{"before", "甲"}, {"after", "乙"}}}}},
                {"names", {{"organisation_id", {{"3", "道里区妇联"}}}, {"person_id", json::object()},
                           {"account_id", json::object()}}}};
  EXPECT_EQ(json::parse(json_of(dto::audit_record, event).text()), audit);
  event.stored.event.changes = "not json";
  audit["changes"] = json::object();
  EXPECT_EQ(json::parse(json_of(dto::audit_record, event).text()), audit);
}

TEST(JsonShapes, Composition) {
  domain::staffing::RuleSet set;
  set.code = "harbin_2016";
  set.name = "哈妇发〔2016〕8号";
  set.version = 2;
  set.rules_by_type = {{"township", 25, 35, {{"chair", 1, 1}, {"executive", 20, std::nullopt}}, {"secretary"}}};
  services::Composition c;
  c.organisation_id = 3;
  c.type = domain::BodyType::kTownship;
  c.on = domain::Date(2016, 9, 20);
  c.rule_set = set;
  c.total = 22;
  c.held = {{"chair", 1}, {"vice_chair", 2}, {"secretary", 1}};
  c.findings = {sample_finding()};
  c.status = domain::staffing::ComplianceStatus::kShort;
  c.context.people = {{42, "𠮷田"}};
  auto label = [](const std::string& role) { return domain::staffing::role_label(role); };
  json expected = {
      {"organisation_id", 3},
      {"on", "2016-09-20"},
      {"status", "short"},
      {"rule_set", {{"code", "harbin_2016"}, {"version", 2}, {"name", "哈妇发〔2016〕8号"}}},
      {"total", {{"actual", 22}, {"min", 25}, {"max", 35}}},
      {"roles",
       {{{"role", "chair"}, {"role_label", label("chair")}, {"actual", 1}, {"min", 1}, {"max", 1}},
        {{"role", "executive"}, {"role_label", label("executive")}, {"actual", 0}, {"min", 20}, {"max", nullptr}},
        {{"role", "vice_chair"}, {"role_label", label("vice_chair")}, {"actual", 2}, {"min", 0}, {"max", nullptr}}}},
      {"forbidden_roles", {{{"role", "secretary"}, {"role_label", label("secretary")}, {"actual", 1}}}},
      {"findings", {finding_json(sample_finding(), label("executive"), "𠮷田")}}};
  EXPECT_EQ(json::parse(json_of(dto::composition, c).text()), expected);

  c.type = domain::BodyType::kCity;  // no rules for it: min and max null, every held role listed
  expected["total"] = {{"actual", 22}, {"min", nullptr}, {"max", nullptr}};
  expected["roles"] = {
      {{"role", "chair"}, {"role_label", label("chair")}, {"actual", 1}, {"min", 0}, {"max", nullptr}},
      {{"role", "vice_chair"}, {"role_label", label("vice_chair")}, {"actual", 2}, {"min", 0}, {"max", nullptr}},
      {{"role", "secretary"}, {"role_label", label("secretary")}, {"actual", 1}, {"min", 0}, {"max", nullptr}}};
  expected["forbidden_roles"] = json::array();
  EXPECT_EQ(json::parse(json_of(dto::composition, c).text()), expected);
}

TEST(JsonShapes, ErrorBodyAndRetryAfter) {
  auto reply = jinguo::http::error_reply(domain::DomainError(domain::ErrorKind::kTooManyRequests, "login_throttled", "",
                                                             "登录失败次数过多", "too many failed logins")
                                             .with_detail("locked_until", "2016-06-01T00:05:00Z")
                                             .with_detail("retry_after", "300"));
  EXPECT_EQ(reply.status, 429);
  EXPECT_EQ(json::parse(reply.body.text), (json{{"error",
                                                 {{"code", "login_throttled"},
                                                  {"field", nullptr},
                                                  {"message", "登录失败次数过多"},
                                                  {"message_en", "too many failed logins"},
                                                  {"locked_until", "2016-06-01T00:05:00Z"},
                                                  {"retry_after", "300"}}}}));
  ASSERT_EQ(reply.headers.count("Retry-After"), 1u);
  EXPECT_EQ(reply.headers.find("Retry-After")->second, "300");

  // The server at its limit for everyone: 503, with the same Retry-After.
  auto busy = jinguo::http::error_reply(
      domain::DomainError(domain::ErrorKind::kBusy, "busy", "", "登录繁忙，请稍后再试", "too many sign-ins at once")
          .with_detail("retry_after", "2"));
  EXPECT_EQ(busy.status, 503);
  ASSERT_EQ(busy.headers.count("Retry-After"), 1u);
  EXPECT_EQ(busy.headers.find("Retry-After")->second, "2");

  auto conflict = jinguo::http::error_reply(
      domain::conflict("duplicate_id_number", "id_number", "身份证号已登记", "already registered").with_existing_id(42));
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(conflict.headers.count("Retry-After"), 0u);
  EXPECT_EQ(json::parse(conflict.body.text), (json{{"error",
                                                    {{"code", "duplicate_id_number"},
                                                     {"field", "id_number"},
                                                     {"message", "身份证号已登记"},
                                                     {"message_en", "already registered"},
                                                     {"existing_id", 42}}}}));

  services::StaffingRuleBroken broken(domain::conflict("staffing_rule_broken", "role", "超出上限", "over the maximum"),
                                      {sample_finding()}, services::FindingContext{{}, {{42, "𠮷田"}}});
  auto refused = jinguo::http::error_reply(broken);
  EXPECT_EQ(json::parse(refused.body.text)["error"]["findings"],
            json::array({finding_json(sample_finding(), domain::staffing::role_label("executive"), "𠮷田")}));
}
