#include "services/staffing.h"

#include "domain/staffing/running_body.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "domain/clock.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/counting_gate.h"
#include "services/rule_set_json.h"
#include "storage/registry_changes.h"
#include "storage/repositories.h"
#include "storage/rule_set_repository.h"

namespace jinguo::services {

namespace {

using domain::Date;
using domain::OrganisationId;
using domain::staffing::BodySnapshot;
using domain::staffing::BodyCompliance;
using domain::staffing::Finding;
using domain::staffing::FindingKind;
using domain::staffing::HeldPosition;
using domain::staffing::RuleSet;
using domain::staffing::Severity;

constexpr std::string_view kBaselineSetting = "campaign_baseline";
const Date kDefaultBaseline(2016, 6, 1);
constexpr std::string_view kReservedCode = "schedule";  // /api/rule-sets/schedule

std::string version_text(const std::string& code, int version) {
  return code + " v" + std::to_string(version);
}

domain::DomainError no_rule_set(const std::string& code, int version) {
  return domain::not_found("version", "没有规则集“" + code + "”第 " + std::to_string(version) + " 版",
                           "no rule set " + version_text(code, version));
}

StoredRuleSet stored(const storage::RuleSetRow& row) {
  StoredRuleSet s{rule_set_from_text(row.definition), row.created_at, row.created_by};
  s.set.code = row.code;  // the columns are the key; the definition repeats them
  s.set.version = row.version;
  s.set.name = row.name;
  return s;
}

// The library, the schedule and the role dictionary: what judging any date needs.
struct RuleBook {
  std::vector<RuleSet> library;
  domain::staffing::RuleSetSchedule schedule;
  std::vector<domain::DictionaryEntry> roles;

  explicit RuleBook(const storage::ReadTx& tx) {
    storage::RuleSetRepository repo(tx);
    for (const auto& row : repo.all()) library.push_back(stored(row).set);
    std::vector<domain::staffing::ScheduleEntry> entries;
    for (const auto& row : repo.schedule()) entries.push_back({row.effective_from, {row.code, row.version}});
    schedule = domain::staffing::RuleSetSchedule(std::move(entries));
    roles = storage::DictionaryRepository(tx).list(domain::DictionaryKind::kRole);
  }
  RuleSet in_force_on(const Date& on) const { return domain::staffing::rule_set_in_force_on(on, schedule, library); }
};

bool holds_seats(const RuleSet& set, domain::BodyType type) {
  return std::any_of(set.seat_rules.begin(), set.seat_rules.end(),
                     [&](const auto& s) { return s.holder_body_type == domain::body_type_code(type); });
}

bool judged(const RuleSet& set, domain::BodyType type) { return set.rules_for(type) || holds_seats(set, type); }

std::vector<std::string> holder_roles(const RuleSet& set) {
  std::set<std::string> roles;
  for (const auto& s : set.seat_rules) roles.insert(s.holder_role);
  return {roles.begin(), roles.end()};
}

using Held = std::unordered_map<OrganisationId, std::vector<HeldPosition>>;

// Rows that come body by body (the index's) meet the map once a body, and each body's group
// is made its size at once; rows in any other order are grouped all the same.
Held group(std::vector<storage::HeldRow> rows) {
  Held out;
  std::size_t runs = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) runs += i == 0 || rows[i].organisation_id != rows[i - 1].organisation_id;
  out.reserve(runs);
  std::vector<HeldPosition>* into = nullptr;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    storage::HeldRow& r = rows[i];
    if (i == 0 || r.organisation_id != rows[i - 1].organisation_id) {
      std::size_t run = 1;
      while (i + run < rows.size() && rows[i + run].organisation_id == r.organisation_id) ++run;
      into = &out[r.organisation_id];
      into->reserve(into->size() + run);
    }
    into->push_back({r.person_id, std::move(r.role), r.position_id});
  }
  return out;
}

const std::vector<HeldPosition>& of(const Held& held, std::optional<OrganisationId> id) {
  static const std::vector<HeldPosition> kNone;
  if (!id) return kNone;
  auto it = held.find(*id);
  return it == held.end() ? kNone : it->second;
}

void add_seat_people(const std::vector<Finding>& findings, std::set<domain::PersonId>& people) {
  for (const Finding& f : findings) {
    if (f.person_id) people.insert(*f.person_id);
    if (f.occupant_id) people.insert(*f.occupant_id);
  }
}

struct SubtreeResult {
  RuleSet set;
  std::vector<storage::SubtreeBody> bodies;  // the judged ones
  std::vector<BodyCompliance> compliance;    // one per body, same order
};

// Every judged body under `root` on `on`: two set-based queries, then the checks in memory,
// first counted only (no texts: most bodies pass, and a baseline is only counted). With
// Detail::kFull the failing bodies are then checked again with their texts, and with the
// former holders of a missing seat (who may still hold it: one read for all of them).
SubtreeResult judge_subtree(const storage::ComplianceQueries& q, const RuleBook& book,
                            const storage::SubtreeBody& root, const Date& on, domain::staffing::Detail detail) {
  SubtreeResult out{book.in_force_on(on), {}, {}};
  std::vector<OrganisationId> ids;  // every body open on the date, and the root's parent (seat rule)
  if (root.parent_id) ids.push_back(*root.parent_id);
  for (auto& b : q.bodies(root.path, on)) {
    ids.push_back(b.id);
    if (judged(out.set, b.type)) out.bodies.push_back(std::move(b));
  }
  // A district or smaller: by id, so that both databases walk the positions index body by body
  // (PostgreSQL would scan the whole table for a path range). A large subtree: by path range.
  // The index answers any subtree in one pass over its positions.
  constexpr std::size_t kByIdUpTo = 1000;
  const bool by_id = ids.size() <= kByIdUpTo && !q.indexed();
  Held held = group(by_id ? q.held_in(ids, on) : q.held_in_subtree(root.path, on));
  if (!by_id && root.parent_id)
    for (auto& r : q.held_in({*root.parent_id}, on))
      held[r.organisation_id].push_back({r.person_id, std::move(r.role), r.position_id});
  // A body's snapshot borrows its positions and its parent's from `held` (swapped in and back:
  // a township's positions are not copied for each of its villages).
  auto check = [&](std::size_t i, const std::vector<HeldPosition>* ended, domain::staffing::Detail d) {
    const auto& body = out.bodies[i];
    BodySnapshot s;
    s.id = body.id;
    s.type = body.type;
    s.parent_id = body.parent_id;
    s.on = on;
    const auto own = held.find(body.id);
    const auto parent = body.parent_id && holds_seats(out.set, body.type) ? held.find(*body.parent_id) : held.end();
    if (own != held.end()) s.positions.swap(own->second);
    if (parent != held.end()) s.parent_positions.swap(parent->second);
    if (ended) s.ended_positions = *ended;
    auto findings = domain::staffing::check_body(out.set, s, book.roles, d);
    if (own != held.end()) s.positions.swap(own->second);
    if (parent != held.end()) s.parent_positions.swap(parent->second);
    return findings;
  };
  out.compliance.resize(out.bodies.size());
  for (std::size_t i = 0; i < out.bodies.size(); ++i) {
    const auto& body = out.bodies[i];
    BodyCompliance& c = out.compliance[i];
    c.organisation_id = body.id;
    c.type = body.type;
    if (auto path_ids = storage::ids_in_path(body.path); path_ids.size() >= 2) c.district_id = path_ids[1];
    c.findings = check(i, nullptr, domain::staffing::Detail::kCounts);
  }
  if (detail == domain::staffing::Detail::kCounts) return out;
  std::vector<OrganisationId> seats_missing;
  for (const auto& c : out.compliance)
    if (std::any_of(c.findings.begin(), c.findings.end(), [](const Finding& f) { return f.kind == FindingKind::kSeat; }))
      seats_missing.push_back(c.organisation_id);
  const Held ended = seats_missing.empty() ? Held{} : group(q.ended_in(seats_missing, on, holder_roles(out.set)));
  for (std::size_t i = 0; i < out.bodies.size(); ++i) {
    if (out.compliance[i].findings.empty()) continue;
    const auto it = ended.find(out.bodies[i].id);
    out.compliance[i].findings = check(i, it == ended.end() ? nullptr : &it->second, domain::staffing::Detail::kFull);
  }
  return out;
}

// Moves the short and over bodies of `now` into report.failing, with the people they name.
void keep_failing(const storage::ComplianceQueries& q, const RuleBook& book, SubtreeResult& now,
                  ComplianceReport& report) {
  std::set<domain::PersonId> people;
  for (std::size_t i = 0; i < now.bodies.size(); ++i) {
    auto& c = now.compliance[i];
    auto status = domain::staffing::status_of(c.findings);
    if (status == domain::staffing::ComplianceStatus::kMeets) continue;
    add_seat_people(c.findings, people);
    report.failing.push_back({std::move(now.bodies[i]), c.district_id, status, std::move(c.findings)});
  }
  report.context = {book.roles, q.person_names({people.begin(), people.end()})};
  for (auto& body : report.failing)
    for (Finding& f : body.findings) domain::staffing::name_people(f, report.context.people);
}

storage::SubtreeBody require_body(const storage::ComplianceQueries& q, const domain::Scope& scope, OrganisationId id,
                                  const std::string& field) {
  auto body = q.body(id);
  if (!body || !scope.contains(body->path)) throw domain::not_found(field, "组织不存在", "no such organisation");
  return *body;
}

}  // namespace

// ---- appointments ----------------------------------------------------------------------

namespace {

// The body of an appointment on one day, the position being corrected left out.
BodySnapshot snapshot_for(const storage::ComplianceQueries& q, const AppointmentTry& a, const Date& on) {
  std::vector<OrganisationId> ids{a.organisation_id};
  if (a.parent_id) ids.push_back(*a.parent_id);
  std::vector<storage::HeldRow> rows = q.held_in(ids, on);
  std::erase_if(rows, [&](const storage::HeldRow& r) { return a.replacing && r.position_id == a.replacing; });
  Held held = group(std::move(rows));
  BodySnapshot s;
  s.id = a.organisation_id;
  s.type = a.type;
  s.parent_id = a.parent_id;
  s.on = on;
  s.positions = of(held, a.organisation_id);
  s.parent_positions = of(held, a.parent_id);
  return s;
}

}  // namespace

std::optional<SeatLeftBehind> seat_left_behind(const storage::ReadTx& tx, const domain::Scope& scope,
                                               const domain::Position& ended, domain::BodyType body_type,
                                               std::optional<domain::OrganisationId> parent_id) {
  if (!parent_id || !ended.end_on) return std::nullopt;
  RuleBook book(tx);
  auto seat_role = domain::staffing::seat_role_of(book.in_force_on(*ended.end_on), body_type, ended.role);
  if (!seat_role) return std::nullopt;
  for (auto& row : storage::PositionRepository(tx).of_person(domain::Scope::whole_tree(), ended.person_id)) {
    const auto& p = row.position;
    if (p.organisation_id != *parent_id || p.role != *seat_role) continue;
    if (p.end_on && *p.end_on <= *ended.end_on) continue;  // ended with or before the office
    const bool in_scope = row.organisation_path >= scope.low() && row.organisation_path < scope.high();
    return SeatLeftBehind{std::move(row), in_scope};
  }
  return std::nullopt;
}

AppointmentCheck check_appointment(const storage::ReadTx& tx, const AppointmentTry& a) {
  RuleBook book(tx);
  storage::ComplianceQueries q(tx);
  const std::vector<Date> days = a.days.value_or(std::vector<Date>{a.start_on});
  std::optional<RuleSet> refusing_set;  // the set of the first refusal
  std::vector<Finding> refusals;
  for (const Date& day : days) {
    RuleSet set = book.in_force_on(day);
    for (Finding& f : domain::staffing::findings_if_appointed(set, snapshot_for(q, a, day), a.role, a.person_id,
                                                              book.roles)) {
      if (std::any_of(refusals.begin(), refusals.end(), [&](const Finding& r) { return r.rule == f.rule; })) continue;
      if (!refusing_set) refusing_set = set;
      refusals.push_back(std::move(f));
    }
  }
  AppointmentCheck out;
  if (!refusals.empty() && a.override_reason && !a.may_override)
    throw domain::DomainError(domain::ErrorKind::kForbidden, "override_not_allowed", "override_reason",
                              "只有管理员可以越过配备标准任命", "only an administrator may override the staffing rules");
  if (refusing_set) {
    try {
      out.overridden = domain::staffing::enforce_refusals(*refusing_set, refusals, a.override_reason);
    } catch (const domain::DomainError& e) {
      if (e.code() != "staffing_rule_broken") throw;
      throw StaffingRuleBroken(e, std::move(refusals), FindingContext{book.roles, {}});
    }
  }
  // Shortfalls and missing seats after it, on the first day judged.
  const Date warn_on = days.empty() ? a.start_on : days.front();
  BodySnapshot s = snapshot_for(q, a, warn_on);
  s.positions.push_back({a.person_id, a.role, 0});
  for (Finding& f : domain::staffing::check_body(book.in_force_on(warn_on), s, book.roles))
    if (f.severity == Severity::kWarning) out.warnings.push_back(std::move(f));
  return out;
}

struct AppointmentBatch::State {
  const storage::ReadTx& tx;
  RuleBook book;
  // Each body on each day with running counts (domain/staffing/running_body.h): a row is
  // judged whole only when it could break a maximum. Seats never refuse: no parents.
  std::map<std::pair<OrganisationId, Date>, domain::staffing::RunningBody> snapshots;
  std::map<Date, RuleSet> sets;  // in force on each start day: looked up once a day, not a row

  const RuleSet& set_on(const Date& day) {
    auto it = sets.find(day);
    if (it == sets.end()) it = sets.emplace(day, book.in_force_on(day)).first;
    return it->second;
  }

  domain::staffing::RunningBody& snapshot(const AppointmentTry& a) {
    auto key = std::pair{a.organisation_id, a.start_on};
    auto it = snapshots.find(key);
    if (it != snapshots.end()) return it->second;
    BodySnapshot s;
    s.id = a.organisation_id;
    s.type = a.type;
    s.on = a.start_on;
    for (auto& r : storage::ComplianceQueries(tx).held_in({a.organisation_id}, a.start_on))
      s.positions.push_back({r.person_id, std::move(r.role), r.position_id});
    return snapshots.emplace(key, domain::staffing::RunningBody(std::move(s))).first->second;
  }
};

AppointmentBatch::AppointmentBatch(const storage::ReadTx& tx) : state_(new State{tx, RuleBook(tx), {}, {}}) {}
AppointmentBatch::~AppointmentBatch() = default;

void AppointmentBatch::read_ahead(const std::vector<AppointmentTry>& bodies) {
  std::map<Date, std::vector<const AppointmentTry*>> by_day;
  for (const auto& a : bodies)
    if (!state_->snapshots.contains({a.organisation_id, a.start_on})) by_day[a.start_on].push_back(&a);
  storage::ComplianceQueries q(state_->tx);
  for (const auto& [day, tries] : by_day) {
    for (std::size_t i = 0; i < tries.size(); i += 500) {
      std::map<OrganisationId, BodySnapshot> read;
      std::vector<OrganisationId> ids;
      for (std::size_t j = i; j < std::min(tries.size(), i + 500); ++j) {
        const AppointmentTry& a = *tries[j];
        BodySnapshot s;
        s.id = a.organisation_id;
        s.type = a.type;
        s.on = day;
        if (read.emplace(a.organisation_id, std::move(s)).second) ids.push_back(a.organisation_id);
      }
      for (auto& r : q.held_in(ids, day))
        read.at(r.organisation_id).positions.push_back({r.person_id, std::move(r.role), r.position_id});
      for (auto& [id, s] : read) state_->snapshots.emplace(std::pair{id, day}, domain::staffing::RunningBody(std::move(s)));
    }
  }
}

std::vector<Finding> AppointmentBatch::refusals(const AppointmentTry& a) {
  return state_->snapshot(a).refusals(state_->set_on(a.start_on), a.role, a.person_id, state_->book.roles);
}

void AppointmentBatch::accept(const AppointmentTry& a, std::optional<Date> until) {
  state_->snapshot(a);  // read before counting it, so that its own day has it once
  auto from = state_->snapshots.lower_bound({a.organisation_id, a.start_on});
  for (auto it = from; it != state_->snapshots.end() && it->first.first == a.organisation_id &&
                       (!until || it->first.second < *until);
       ++it)
    it->second.add(a.person_id, a.role);
}

std::vector<Date> rule_set_changes(const storage::ReadTx& tx) {
  std::vector<Date> out;
  for (const auto& row : storage::RuleSetRepository(tx).schedule()) out.push_back(row.effective_from);
  return out;
}

// ---- reading ---------------------------------------------------------------------------

namespace {
constexpr std::size_t kKeptReports = 16;
}  // namespace

void record_override(ChangeSet& changes, const std::vector<domain::staffing::Finding>& overridden,
                     const std::optional<std::string>& reason) {
  if (overridden.empty()) return;
  std::vector<std::string> texts;
  for (const auto& f : overridden)
    texts.push_back(f.rule_set.code + " v" + std::to_string(f.rule_set.version) + " " + f.rule + ": " + f.message_zh);
  changes.created("override_reason", std::string(domain::trim(*reason))).created("overridden_findings", texts);
}

Staffing::Staffing(storage::Database& db, std::function<Date()> today, storage::HeldIndex* index,
                   bool keep_reports)
    : db_(db),
      today_(std::move(today)),
      index_(index),
      reports_(index && keep_reports
                   ? std::make_unique<ResultCache<std::shared_ptr<const ComplianceReport>>>(kKeptReports)
                   : nullptr) {
  if (!today_) today_ = domain::today_in_china;
}

Composition Staffing::CheckBody(const domain::Scope& scope, OrganisationId id, std::optional<Date> on) {
  Date day = on.value_or(today_());
  return db_.read([&](storage::ReadTx& tx) {
    storage::ComplianceQueries q(tx);
    auto body = require_body(q, scope, id, "id");
    RuleBook book(tx);
    Composition c;
    c.organisation_id = id;
    c.type = body.type;
    c.on = day;
    c.rule_set = book.in_force_on(day);
    std::vector<OrganisationId> ids{id};
    if (body.parent_id) ids.push_back(*body.parent_id);
    Held held = group(q.held_in(ids, day));
    BodySnapshot s;
    s.id = id;
    s.type = body.type;
    s.parent_id = body.parent_id;
    s.on = day;
    s.positions = of(held, id);
    s.parent_positions = of(held, body.parent_id);
    c.findings = domain::staffing::check_body(c.rule_set, s, book.roles);
    if (std::any_of(c.findings.begin(), c.findings.end(), [](const Finding& f) { return f.kind == FindingKind::kSeat; })) {
      s.ended_positions = of(group(q.ended_in({id}, day, holder_roles(c.rule_set))), id);
      c.findings = domain::staffing::check_body(c.rule_set, s, book.roles);
    }
    c.status = domain::staffing::status_of(c.findings);
    std::set<domain::PersonId> everyone, people;
    std::map<std::string, std::set<domain::PersonId>> by_role;
    for (const HeldPosition& p : s.positions) {
      everyone.insert(p.person_id);
      by_role[p.role].insert(p.person_id);
    }
    c.total = static_cast<int>(everyone.size());
    for (const auto& [role, holders] : by_role) c.held.push_back({role, static_cast<int>(holders.size())});
    add_seat_people(c.findings, people);
    c.context = {book.roles, q.person_names({people.begin(), people.end()})};
    for (Finding& f : c.findings) domain::staffing::name_people(f, c.context.people);
    return c;
  });
}

std::shared_ptr<const ComplianceReport> Staffing::ComplianceOf(const domain::Scope& scope,
                                                               std::optional<OrganisationId> within,
                                                               std::optional<Date> on, std::optional<Date> baseline) {
  const Date day = on.value_or(today_());
  if (!within && !scope.is_whole_tree()) within = scope.organisation_id;
  // What the report is computed from, read (with the scope's check) in one short transaction.
  storage::SubtreeBody root;
  root.path = "/";  // the whole tree
  Date before = baseline.value_or(kDefaultBaseline);
  std::string key;
  std::int64_t generation = 0;
  db_.read([&](storage::ReadTx& tx) {
    storage::ComplianceQueries q(tx, nullptr);
    if (within) root = require_body(q, scope, *within, "within");
    if (!baseline)
      if (auto setting = storage::RuleSetRepository(tx).setting(std::string(kBaselineSetting)))
        before = Date::parse(*setting).value_or(kDefaultBaseline);
    if (!reports_) return;
    generation = storage::registry_generation(tx);
    key = root.path + "|" + day.iso() + "|" + before.iso() + "|" + std::to_string(generation);
    for (const auto& s : storage::RuleSetRepository(tx).schedule())
      key += "|" + s.effective_from.iso() + ":" + s.code + ":" + std::to_string(s.version);
  });
  auto compute = [&] {
    CountingGate::Slot slot(CountingGate::shared());
    return db_.read([&](storage::ReadTx& tx) -> std::shared_ptr<const ComplianceReport> {
      storage::ComplianceQueries q(tx, index_);
      RuleBook book(tx);
      auto kept = std::make_shared<ComplianceReport>();
      ComplianceReport& report = *kept;
      report.within = within;
      // the baseline is only counted: its failing bodies are not listed
      auto side = [&](const Date& date, SubtreeResult& result, domain::staffing::Detail detail) {
        result = judge_subtree(q, book, root, date, detail);
        return ComplianceSide{date, ref_of(result.set), result.set.name, domain::staffing::roll_up(result.compliance)};
      };
      SubtreeResult now, then;
      report.current = side(day, now, domain::staffing::Detail::kFull);
      report.baseline = side(before, then, domain::staffing::Detail::kCounts);
      std::set<OrganisationId> districts;
      for (const auto& c : now.compliance)
        if (c.district_id) districts.insert(*c.district_id);
      keep_failing(q, book, now, report);
      for (const auto& [id, counts] : report.baseline.rollup.by_district) districts.insert(id);
      for (const auto& [id, entry] : storage::OrganisationRepository(tx).entries({districts.begin(), districts.end()}))
        report.district_names[id] = entry.name;
      return kept;
    });
  };
  return reports_ ? reports_->get(key, generation, compute) : compute();
}

ComplianceReport Staffing::FailingOn(const domain::Scope& scope, const Date& on) {
  CountingGate::Slot slot(CountingGate::shared());
  return db_.read([&](storage::ReadTx& tx) {
    storage::ComplianceQueries q(tx, index_);
    storage::SubtreeBody root;
    root.path = "/";
    if (!scope.is_whole_tree()) root = require_body(q, scope, scope.organisation_id, "id");
    RuleBook book(tx);
    SubtreeResult now = judge_subtree(q, book, root, on, domain::staffing::Detail::kFull);
    ComplianceReport report;
    if (!scope.is_whole_tree()) report.within = scope.organisation_id;
    report.current = {on, ref_of(now.set), now.set.name, domain::staffing::roll_up(now.compliance)};
    keep_failing(q, book, now, report);
    return report;
  });
}

// ---- the library -----------------------------------------------------------------------

std::vector<RuleSetSummary> Staffing::RuleSets() {
  return db_.read([&](storage::ReadTx& tx) {
    std::vector<RuleSetSummary> out;
    for (const auto& row : storage::RuleSetRepository(tx).all()) {  // by code, then version
      if (out.empty() || out.back().code != row.code) out.push_back({row.code, row.name, 0, 0});
      out.back().name = row.name;
      out.back().latest_version = row.version;
      ++out.back().versions;
    }
    return out;
  });
}

std::vector<StoredRuleSet> Staffing::Versions(const std::string& code) {
  return db_.read([&](storage::ReadTx& tx) {
    std::vector<StoredRuleSet> out;
    for (const auto& row : storage::RuleSetRepository(tx).all())
      if (row.code == code) out.push_back(stored(row));
    if (out.empty())
      throw domain::not_found("code", "没有规则集“" + code + "”", "no rule set " + code);
    return out;
  });
}

StoredRuleSet Staffing::RuleSetOf(const std::string& code, int version) {
  return db_.read([&](storage::ReadTx& tx) {
    auto row = storage::RuleSetRepository(tx).find(code, version);
    if (!row) throw no_rule_set(code, version);
    return stored(*row);
  });
}

StoredRuleSet Staffing::InForceOn(const Date& on) {
  return db_.read([&](storage::ReadTx& tx) {
    RuleSet set = RuleBook(tx).in_force_on(on);
    auto row = storage::RuleSetRepository(tx).find(set.code, set.version);
    return row ? stored(*row) : StoredRuleSet{set, "", "system"};
  });
}

StoredRuleSet Staffing::SaveRuleSet(const Actor& actor, RuleSet set) {
  if (set.code == kReservedCode)
    throw domain::invalid("rule_set_code", "code", "规则集代码不能是“schedule”", "the code 'schedule' is reserved");
  return db_.write([&](storage::WriteTx& tx) {
    storage::RuleSetRepository repo(tx);
    set.version = repo.latest_version(set.code) + 1;
    domain::staffing::validate_rule_set(set, storage::DictionaryRepository(tx).list(domain::DictionaryKind::kRole));
    storage::RuleSetRow row{set.code, set.version, set.name, rule_set_to_json(set).dump(),
                            domain::utc_timestamp_now(), actor.name};
    repo.insert(row);
    ChangeSet changes;
    changes.created("name", set.name).created("version", set.version).created("definition", row.definition);
    record_audit(tx, actor, {"create", "rule_set", version_text(set.code, set.version), std::nullopt}, changes);
    return stored(*repo.find(set.code, set.version));
  });
}

std::vector<ScheduledRuleSet> Staffing::Schedule() {
  return db_.read([&](storage::ReadTx& tx) {
    storage::RuleSetRepository repo(tx);
    std::map<std::pair<std::string, int>, std::string> names;
    for (const auto& row : repo.all()) names[{row.code, row.version}] = row.name;
    std::vector<ScheduledRuleSet> out;
    for (const auto& row : repo.schedule())
      out.push_back({row.effective_from, {row.code, row.version}, names[{row.code, row.version}]});
    return out;
  });
}

std::vector<ScheduledRuleSet> Staffing::ScheduleRuleSet(const Actor& actor, const Date& effective_from,
                                                        const std::string& code, int version) {
  db_.write([&](storage::WriteTx& tx) {
    storage::RuleSetRepository repo(tx);
    if (!repo.find(code, version)) throw no_rule_set(code, version);
    for (const auto& row : repo.schedule())
      if (row.effective_from == effective_from)
        throw domain::invalid("schedule_duplicate_date", "effective_from",
                              effective_from.iso() + "起已有生效的规则集（" + version_text(row.code, row.version) + "）",
                              "rule set " + version_text(row.code, row.version) + " takes effect on " +
                                  effective_from.iso());
    repo.schedule_insert({effective_from, code, version, domain::utc_timestamp_now(), actor.name});
    ChangeSet changes;
    changes.created("effective_from", effective_from).created("code", code).created("version", version);
    record_audit(tx, actor, {"schedule", "rule_set_schedule", effective_from.iso(), std::nullopt}, changes);
  });
  return Schedule();
}

}  // namespace jinguo::services
