#include "domain/reelection.h"

#include "domain/error.h"
#include "domain/import/values.h"
#include "domain/text.h"

namespace jinguo::domain {

namespace {

constexpr std::size_t kMaxNotes = 500;

struct Breakdown {
  int Reelection::*member;
  const char* field;
  const char* label;
};

constexpr Breakdown kBreakdowns[] = {
    {&Reelection::delegates_minority, "delegates_minority", "少数民族代表人数"},
    {&Reelection::delegates_party, "delegates_party", "中共党员代表人数"},
    {&Reelection::delegates_grassroots, "delegates_grassroots", "基层代表人数"},
    {&Reelection::delegates_under_35, "delegates_under_35", "35岁及以下代表人数"},
};

}  // namespace

bool holds_reelections(BodyType type) {
  return type == BodyType::kCity || type == BodyType::kDistrict || type == BodyType::kCounty ||
         type == BodyType::kCountyCity;
}

void require_reelection_body(BodyType type) {
  if (!holds_reelections(type))
    throw invalid("reelection_body_type", "organisation_id",
                  std::string("换届情况只登记在市、区、县（市）妇联，不能登记在") + std::string(body_type_label(type)),
                  "re-elections are recorded for city, district, county and county-level city federations only, not a " +
                      std::string(body_type_label_en(type)));
}

Date next_reelection_on(const Reelection& r) {
  int year = r.held_on.year() + r.term_years;
  unsigned month = r.held_on.month(), day = r.held_on.day();
  if (month == 2 && day == 29 && !Date::parse(std::to_string(year) + "-02-29")) day = 28;
  return Date(year, month, day);
}

void normalise_and_validate(Reelection& r, const Date& today) {
  if (r.held_on.year() < 1949)
    throw invalid("held_too_early", "held_on", "换届日期不能早于1949年", "the re-election is before 1949");
  if (r.held_on > today)
    throw invalid("date_in_future", "held_on", "换届日期不能晚于今天", "the re-election date is in the future");
  if (r.term_years < kMinTermYears || r.term_years > kMaxTermYears)
    throw invalid("term_years_range", "term_years",
                  "任期应为" + std::to_string(kMinTermYears) + "至" + std::to_string(kMaxTermYears) + "年",
                  "the term is 1 to 10 years");
  if (r.delegates < 0 || r.delegates > kMaxDelegates)
    throw invalid("delegates_range", "delegates", "代表人数应为0至" + std::to_string(kMaxDelegates) + "之间的整数",
                  "the number of delegates lies between 0 and 100,000");
  for (const auto& b : kBreakdowns) {
    int n = r.*b.member;
    if (n < 0 || n > r.delegates)
      throw invalid("breakdown_range", b.field,
                    std::string(b.label) + "应为0至代表总数（" + std::to_string(r.delegates) + "）之间的整数",
                    std::string(b.field) + " lies between 0 and the number of delegates");
  }
  if (r.notes) {
    r.notes = import::clean_text(*r.notes);
    if (r.notes->empty()) {
      r.notes.reset();
    } else {
      auto n = utf8_length(*r.notes);
      if (!n) throw invalid("invalid_text", "notes", "备注含有无效字符", "the notes are not valid UTF-8");
      if (*n > kMaxNotes)
        throw invalid("too_long", "notes", "备注不能超过" + std::to_string(kMaxNotes) + "个字",
                      "the notes are longer than 500 characters");
    }
  }
}

Reelection new_reelection(OrganisationId body, const ReelectionChanges& fields, const Date& today) {
  if (!fields.held_on) throw invalid("required", "held_on", "请填写换届日期", "held_on is required");
  if (!fields.delegates) throw invalid("required", "delegates", "请填写代表人数", "delegates is required");
  Reelection r;
  r.organisation_id = body;
  return corrected(r, fields, today);
}

Reelection corrected(const Reelection& before, const ReelectionChanges& c, const Date& today) {
  Reelection after = before;
  if (c.held_on) after.held_on = *c.held_on;
  if (c.term_years) after.term_years = *c.term_years;
  if (c.delegates) after.delegates = *c.delegates;
  if (c.delegates_minority) after.delegates_minority = *c.delegates_minority;
  if (c.delegates_party) after.delegates_party = *c.delegates_party;
  if (c.delegates_grassroots) after.delegates_grassroots = *c.delegates_grassroots;
  if (c.delegates_under_35) after.delegates_under_35 = *c.delegates_under_35;
  if (c.notes) after.notes = *c.notes;
  normalise_and_validate(after, today);
  return after;
}

std::optional<Reelection> reelection_in_force(const std::vector<Reelection>& reelections, const Date& on) {
  const Reelection* latest = nullptr;
  for (const auto& r : reelections)
    if (r.held_on <= on && (latest == nullptr || r.held_on > latest->held_on)) latest = &r;
  if (latest == nullptr) return std::nullopt;
  return *latest;
}

}  // namespace jinguo::domain
