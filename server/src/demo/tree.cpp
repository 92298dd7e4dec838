#include "demo/tree.h"

#include <algorithm>

namespace jinguo::demo {

using domain::BodyType;
using domain::Date;
using domain::OrganisationId;
using domain::PersonId;

struct TreeWriter::Where {
  OrganisationId id = 0;
  BodyType type = BodyType::kCity;
  std::string_view place;        // 兆麟街道
  std::string_view county;       // 道里区
  std::string_view region;       // 230102
  std::string_view ethnic_hint;  // "11" in and under a 满族乡
  Setting setting = Setting::kUrban;
  int level = 0;
  bool pilot = false;
  Date established_on;           // no position starts before it
};

struct TreeWriter::Post {
  std::string_view role;
  std::string_view manner;
  std::optional<std::string_view> source;
  Date start;
  std::optional<Date> end = std::nullopt;
  std::string_view end_reason = {};
};

namespace {

using Code = Weighted<std::string_view>;

struct Roles {
  std::string_view head, deputy, rank;
};

Roles roles_of(BodyType type) {
  if (type == BodyType::kVillageCongress) return {"director", "deputy_director", "member"};
  return {"chair", "vice_chair", "executive"};
}

// The Harbin 2016 standard (配备标准) and the usual size before the campaign.
struct Staffing {
  int min, max, baseline_min, baseline_max;
};

Staffing staffing_of(BodyType type) {
  switch (type) {
    case BodyType::kStreet:
    case BodyType::kTownship: return {25, 35, 7, 15};
    case BodyType::kVillageCongress: return {7, 13, 4, 7};
    default: return {15, 25, 5, 9};
  }
}

Setting setting_of(BodyType type) {
  switch (type) {
    case BodyType::kTownship:
    case BodyType::kVillage:
    case BodyType::kVillageCongress: return Setting::kRural;
    default: return Setting::kUrban;
  }
}

// 拉林满族镇, 迎兰朝鲜族乡: their people are more often of that minority.
std::string_view ethnic_hint_of(std::string_view place) {
  if (place.find("满族") != std::string_view::npos) return "11";
  if (place.find("朝鲜族") != std::string_view::npos) return "10";
  if (place.find("蒙古族") != std::string_view::npos) return "02";
  if (place.find("回族") != std::string_view::npos) return "03";
  return {};
}

// The heads of these sit, by the plan, as executives of the township/street above.
bool has_seat_above(BodyType type) {
  return type == BodyType::kCommunity || type == BodyType::kVillage || type == BodyType::kVillageCongress;
}

domain::Organisation organisation_of(const BodyPlan& plan, std::optional<OrganisationId> parent) {
  domain::Organisation o;
  o.parent_id = parent;
  o.type = plan.type;
  o.name = plan.place + (plan.type == BodyType::kVillageCongress ? "妇代会" : "妇联");
  o.division_code = plan.division_code;
  o.pilot = plan.pilot;
  o.established_on = plan.established_on;
  return o;
}

Date years_before(const Date& d, int years) {
  return Date(d.year() - years, d.month(), std::min(d.day(), 28u));
}

Date later(const Date& a, const Date& b) { return a < b ? b : a; }
Date earlier(const Date& a, const Date& b) { return a < b ? a : b; }

// The last re-election of a body: within the years given, not before it existed.
Date elected_between(Rng& rng, int from_year, int to_year, const Date& established_on) {
  return later(rng.day(Date(from_year, 1, 1), Date(to_year, 12, 31)), established_on.plus_days(365));
}

constexpr Code kEndReasons[] = {{"调离", 45}, {"辞职", 40}, {"换届", 15}};
constexpr Code kHeadEndReasons[] = {{"调离", 60}, {"换届", 40}};
constexpr Code kExpansionManners[] = {{"part_time", 46}, {"volunteer", 46}, {"seconded", 4}, {"full_time", 4}};
// The plan's list of sources, weighted by where the body is.
constexpr Code kUrbanSources[] = {
    {"building_head", 18},     {"unit_group_head", 12}, {"model_post_leader", 10}, {"red_banner", 5},
    {"new_sector_leader", 10}, {"self_org_leader", 10}, {"expertise", 10},         {"cadre_worker", 10},
    {"social_worker", 8},      {"social_org_head", 7}};
constexpr Code kRuralSources[] = {
    {"business_leader", 25}, {"red_banner", 8},        {"self_org_leader", 10},  {"expertise", 10},
    {"cadre_worker", 8},     {"grassroots_cadre", 20}, {"social_org_head", 5},   {"model_post_leader", 4},
    {"new_sector_leader", 5}, {"social_worker", 2},    {"building_head", 3}};
constexpr Code kUrbanBaselineSources[] = {
    {"grassroots_cadre", 50}, {"cadre_worker", 25}, {"red_banner", 10}, {"building_head", 15}};
constexpr Code kRuralBaselineSources[] = {
    {"grassroots_cadre", 50}, {"cadre_worker", 25}, {"red_banner", 10}, {"business_leader", 15}};
constexpr Code kPartTimeViceSources[] = {{"new_sector_leader", 30}, {"model_post_leader", 20}, {"expertise", 20},
                                         {"red_banner", 15},        {"social_org_head", 15}};
constexpr Code kStandingSources[] = {{"cadre_worker", 40}, {"grassroots_cadre", 20}, {"red_banner", 15},
                                     {"model_post_leader", 15}, {"expertise", 10}};

std::string_view pick(Rng& rng, std::span<const Code> table) { return pick_weighted<std::string_view>(rng, table); }

}  // namespace

bool role_fits(std::string_view role, BodyType type) {
  const bool congress = type == BodyType::kVillageCongress;
  if (role == "chair" || role == "vice_chair" || role == "executive") return !congress;
  if (role == "standing") return domain::body_type_level(type) <= 1;
  if (role == "director" || role == "deputy_director" || role == "member") return congress;
  return false;
}

// ---------------------------------------------------------------------------------
// People and positions

PersonId TreeWriter::person(const Where& where, std::optional<std::string_view> source, bool leader,
                            int born_from, int born_to) {
  PersonSpec spec;
  spec.region = where.region;
  spec.place = where.place;
  spec.county = where.county;
  spec.setting = where.setting;
  spec.level = where.level;
  spec.ethnic_hint = where.ethnic_hint;
  spec.source = source;
  spec.leader = leader;
  spec.born_from = std::clamp(born_from, 1950, 1995);
  spec.born_to = std::clamp(born_to, spec.born_from, 1995);
  return emitter_.add(people_.make(spec));
}

void TreeWriter::post(const Where& where, PersonId person, const Post& post) {
  domain::Position p;
  p.person_id = person;
  p.organisation_id = where.id;
  p.role = std::string(post.role);
  p.manner = std::string(post.manner);
  if (post.source) p.source = std::string(*post.source);
  p.start_on = post.start;
  p.end_on = post.end;
  if (post.end) p.end_reason = std::string(post.end_reason);
  emitter_.add(std::move(p));
}

Date TreeWriter::expansion_day(const Where& where) {
  if (where.pilot) return rng_.day(Date(2016, 6, 6), Date(2016, 6, 24));  // pilots report by 25 June
  if (rng_.chance(0.05)) return rng_.day(calendar_.expansion_done.plus_days(1), calendar_.report.plus_days(-1));
  return rng_.day(Date(2016, 6, 15), calendar_.expansion_done);
}

std::string_view TreeWriter::expansion_source(const Where& where) {
  return pick(rng_, where.setting == Setting::kRural ? std::span<const Code>(kRuralSources) : kUrbanSources);
}

std::string_view TreeWriter::expansion_manner() { return pick(rng_, kExpansionManners); }

// ---------------------------------------------------------------------------------
// A township, street, community, village or village congress

std::optional<Head> TreeWriter::grassroots_roster(const Where& w, const Date& elected_on, int reserved) {
  const Staffing staffing = staffing_of(w.type);
  const Roles roles = roles_of(w.type);
  const bool congress = w.type == BodyType::kVillageCongress;
  const bool town = w.level == 2;
  const Date previous = years_before(elected_on, 3);
  const bool had_previous_term = w.established_on <= previous;
  const Date& baseline = calendar_.baseline;
  const Date& report = calendar_.report;
  const int year = elected_on.year();
  // A new holder with her position; ages at the start of it.
  auto holder = [&](const Post& p, bool leader, int min_age, int max_age) {
    const int y = p.start.year();
    const PersonId id = person(w, p.source, leader, y - max_age, y - min_age);
    post(w, id, p);
    return id;
  };

  // Size before the campaign and on the report date. Reserved seats are the heads of
  // the bodies below, who take executive seats here later.
  const int vices_before = rng_.between(1, 2);
  const int rank_before = congress ? rng_.between(2, 4)
                                   : rng_.between(staffing.baseline_min, staffing.baseline_max) - 1 - vices_before;
  const int before = 1 + vices_before + rank_before;
  const double outcome = rng_.unit();
  const bool stalled = outcome < 0.03;
  int target = rng_.between(staffing.min, staffing.max);
  if (stalled)
    target = before + reserved;
  else if (outcome < 0.10)
    target = rng_.between(std::max(before + reserved, staffing.min - 7), staffing.min - 1);
  else if (outcome < 0.13)
    target = rng_.between(staffing.max + 1, staffing.max + 4);
  const int own = std::max(target - reserved, before);
  int vices = stalled ? vices_before : (rng_.chance(0.95) ? 2 : rng_.chance(0.5) ? 1 : 3);
  vices = std::max(vices, vices_before);
  const int rank_added = std::max(0, own - 1 - vices - rank_before);

  // The head: maybe her predecessor of the last term, maybe promoted from deputy.
  const bool head_full_time = rng_.chance(town ? 0.7 : congress ? 0.15 : 0.25);
  const std::string_view head_manner = head_full_time ? "full_time" : "part_time";
  const std::optional<std::string_view> head_source =
      head_full_time ? std::nullopt : std::optional<std::string_view>("grassroots_cadre");
  const double history = rng_.unit();
  if (history < 0.4 && had_previous_term) holder({roles.head, head_manner, head_source, previous, elected_on, "换届"}, true, 35, 55);
  const PersonId head_person = person(w, head_source, true, year - 52, year - 28);
  if (history < 0.08 && had_previous_term)
    post(w, head_person, {roles.deputy, "part_time", "grassroots_cadre", previous, elected_on, "换届"});
  std::optional<Head> head;
  const double change = rng_.unit();
  if (change < 0.05) {  // she left during the campaign: replaced (mostly) or not yet
    const Date left = rng_.day(baseline.plus_days(14), report.plus_days(-10));
    post(w, head_person, {roles.head, head_manner, head_source, elected_on, left, pick(rng_, kHeadEndReasons)});
    if (change < 0.04)
      head = Head{holder({roles.head, head_manner, head_source, left}, true, 30, 50), left};
  } else {
    post(w, head_person, {roles.head, head_manner, head_source, elected_on});
    head = Head{head_person, elected_on};
    if (change < 0.057)  // a second head on the books: for the checks to find
      holder({roles.head, "part_time", expansion_source(w), expansion_day(w)}, true, 30, 50);
  }

  // The baseline members, with predecessors and changes during the campaign.
  auto baseline_member = [&](std::string_view role, bool deputy) {
    const Date start = rng_.chance(0.8) ? elected_on : rng_.day(elected_on.plus_days(30), baseline.plus_days(-10));
    std::optional<std::string_view> source;
    if (!(deputy && town && rng_.chance(0.25)))
      source = pick(rng_, w.setting == Setting::kRural ? std::span<const Code>(kRuralBaselineSources)
                                                       : kUrbanBaselineSources);
    const std::string_view manner = !source ? "full_time" : rng_.chance(0.9) ? "part_time" : "volunteer";
    if (start == elected_on && had_previous_term && rng_.chance(0.35))
      holder({role, manner, source, previous, elected_on, "换届"}, deputy, 22, 58);
    else if (start != elected_on && rng_.chance(0.5))
      holder({role, manner, source, elected_on, start, pick(rng_, kEndReasons)}, deputy, 22, 58);
    const double leaves = deputy ? 1.0 : rng_.unit();
    if (leaves < 0.05) {
      const Date left = rng_.day(baseline.plus_days(9), report.plus_days(-5));
      holder({role, manner, source, start, left, pick(rng_, kEndReasons)}, false, 22, 58);
      if (leaves < 0.043) {
        const Date next = earlier(left.plus_days(rng_.between(0, 20)), report.plus_days(-1));
        holder({role, expansion_manner(), expansion_source(w), next}, false, 20, 55);
      }
    } else {
      holder({role, manner, source, start}, deputy, deputy ? 25 : 20, deputy ? 55 : 58);
    }
  };
  for (int i = 0; i < vices_before; ++i) baseline_member(roles.deputy, true);
  for (int i = 0; i < rank_before; ++i) baseline_member(roles.rank, false);

  // The expansion: deputies up to two, then the new members from the plan's sources.
  for (int i = vices_before; i < vices; ++i)
    holder({roles.deputy, rng_.chance(0.8) ? "part_time" : "seconded", expansion_source(w), expansion_day(w)}, true,
           28, 55);
  for (int i = 0; i < rank_added; ++i)
    holder({roles.rank, expansion_manner(), expansion_source(w), expansion_day(w)}, false, 20, 61);
  return head;
}

// The cross-level seat (席位制): a village or community head as executive above.
void TreeWriter::seat(const Where& upper, const Date& upper_elected_on, const Head& head) {
  Date start;
  if (head.since < calendar_.baseline)
    start = rng_.chance(0.8) ? expansion_day(upper) : later(head.since, upper_elected_on);
  else
    start = earlier(head.since.plus_days(rng_.between(0, 10)), calendar_.report.plus_days(-1));
  post(upper, head.person, {"executive", "part_time", "grassroots_cadre", start});
}

// ---------------------------------------------------------------------------------
// District, county and city federations

Head TreeWriter::leadership_roster(const Where& w, const Date& elected_on, std::span<const Head> lower_heads) {
  const bool city = w.level == 0;
  const Date& baseline = calendar_.baseline;
  int left = city ? rng_.between(38, 48) : rng_.between(30, 45);
  auto holder = [&](const Post& p, bool leader, int min_age, int max_age) {
    const int y = p.start.year();
    const PersonId id = person(w, p.source, leader, y - max_age, y - min_age);
    post(w, id, p);
    --left;
    return id;
  };
  std::size_t next_head = 0;
  auto seat_lower_head = [&](std::string_view role) {
    const Head& h = lower_heads[next_head++];
    post(w, h.person, {role, "part_time", "grassroots_cadre", later(h.since, elected_on)});
    --left;
  };

  const PersonId chair = holder({"chair", "full_time", std::nullopt, elected_on}, true, 40, 52);
  for (int i = 0, n = city ? 3 : 2; i < n; ++i) {
    const Date start = rng_.chance(0.8) ? elected_on : rng_.day(elected_on.plus_days(60), baseline.plus_days(-30));
    holder({"vice_chair", "full_time", std::nullopt, start}, true, 35, 52);
  }
  for (int i = 0, n = rng_.between(2, 3); i < n; ++i) {  // 兼职副主席, registered in June
    const Date start = rng_.chance(0.6) ? rng_.day(baseline, Date(2016, 7, 31)) : elected_on;
    holder({"vice_chair", "part_time", pick(rng_, kPartTimeViceSources), start}, true, 30, 55);
  }
  const int standing = city ? rng_.between(10, 13) : rng_.between(8, 12);
  const std::size_t standing_heads = std::min<std::size_t>(static_cast<std::size_t>(standing / 4), lower_heads.size());
  for (int i = 0; i < standing; ++i) {
    if (next_head < standing_heads)
      seat_lower_head("standing");
    else
      holder({"standing", "part_time", pick(rng_, kStandingSources), elected_on}, false, 30, 55);
  }
  const std::size_t executive_heads =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(left, 0) * 6 / 10), lower_heads.size() - next_head);
  for (std::size_t i = 0; i < executive_heads; ++i) seat_lower_head("executive");
  while (left > 0) {
    const Date start = rng_.chance(0.7) ? elected_on : rng_.day(baseline, calendar_.expansion_done);
    holder({"executive", rng_.chance(0.7) ? "part_time" : "volunteer", expansion_source(w), start}, false, 25, 58);
  }
  return Head{chair, elected_on};
}

OrganisationId TreeWriter::city(const BodyPlan& plan) { return emitter_.add(organisation_of(plan, std::nullopt)); }

void TreeWriter::city_roster(OrganisationId city_id, const BodyPlan& plan, std::span<const Head> county_heads) {
  const std::string_view region = std::string_view(plan.division_code).substr(0, 6);
  const Where w{city_id, plan.type, plan.place, plan.place, region, {}, Setting::kUrban, 0, false, plan.established_on};
  leadership_roster(w, elected_between(rng_, 2012, 2012, plan.established_on), county_heads);
  people_.forget_region(region);
}

std::optional<Head> TreeWriter::county(OrganisationId city_id, const CountyPlan& plan) {
  const OrganisationId id = emitter_.add(organisation_of(plan.body, city_id));
  const std::string_view region = std::string_view(plan.body.division_code).substr(0, 6);
  const Where w{id,    plan.body.type,  plan.body.place, plan.body.place,          region,
                {},    Setting::kUrban, 1,               false, plan.body.established_on};
  std::vector<Head> heads;
  for (const TownshipPlan& township_plan : plan.townships)
    if (auto head = township(id, w, township_plan)) heads.push_back(*head);
  const Head head = leadership_roster(w, elected_between(rng_, 2011, 2013, plan.body.established_on), heads);
  people_.forget_region(region);
  return head;
}

std::optional<Head> TreeWriter::township(OrganisationId county_id, const Where& county, const TownshipPlan& plan) {
  const BodyPlan& body = plan.body;
  const OrganisationId id = emitter_.add(organisation_of(body, county_id));
  const Where w{id,           body.type,                 body.place,           county.county,
                county.region, ethnic_hint_of(body.place), setting_of(body.type), 2,
                body.pilot,    body.established_on};
  const Date elected_on = elected_between(rng_, 2012, 2014, body.established_on);

  std::vector<bool> seated(plan.children.size());
  int reserved = 0;
  for (std::size_t i = 0; i < plan.children.size(); ++i) {
    seated[i] = has_seat_above(plan.children[i].type) && rng_.chance(0.85);
    reserved += seated[i] ? 1 : 0;
  }
  const std::optional<Head> head = grassroots_roster(w, elected_on, reserved);

  for (std::size_t i = 0; i < plan.children.size(); ++i) {
    const BodyPlan& child = plan.children[i];
    const OrganisationId child_id = emitter_.add(organisation_of(child, id));
    const Where cw{child_id, child.type, child.place, county.county,      county.region,
                   w.ethnic_hint, setting_of(child.type), 3, body.pilot, child.established_on};
    const auto child_head = grassroots_roster(cw, elected_between(rng_, 2013, 2015, child.established_on), 0);
    if (seated[i] && child_head) seat(w, elected_on, *child_head);
  }
  return head;
}

}  // namespace jinguo::demo
