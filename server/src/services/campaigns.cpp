#include "services/campaigns.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/access/access.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/campaign_access.h"
#include "services/crypto.h"
#include "storage/contact_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

using namespace domain::campaign;
using domain::Date;
using storage::CampaignQueries;
using storage::CampaignRepository;
using namespace campaign_access;

Milestone apply(Milestone m, const MilestoneInput& in) {
  if (in.title) m.title = std::string(domain::trim(*in.title));
  if (in.kind) {
    auto k = kind_from_code(*in.kind);
    if (!k) throw domain::invalid("unknown_kind", "kind", "事项类型应为报表、书面材料或截止日期", "kind is form, account or deadline");
    m.kind = *k;
  }
  if (in.level) {
    auto l = level_from_code(*in.level);
    if (!l) throw domain::invalid("unknown_level", "level", "上报层级应为区县（市）妇联、街道乡镇妇联或示范点", "unknown level");
    m.level = *l;
  }
  if (in.form) m.form = *in.form ? std::optional<int>(static_cast<int>(**in.form)) : std::nullopt;
  if (in.due_on) m.due_on = *in.due_on;
  if (in.report_on) m.report_on = *in.report_on;
  if (in.sort_order) m.sort_order = *in.sort_order;
  validate_milestone(m);
  return m;
}

ChangeSet milestone_changes(const Milestone* before, const Milestone& after) {
  ChangeSet c;
  auto form = [](const Milestone& m) { return m.form ? std::optional<long long>(*m.form) : std::nullopt; };
  if (!before) {
    c.created("title", after.title).created("kind", std::string(kind_code(after.kind))).created("form", form(after))
        .created("level", std::string(level_code(after.level))).created("due_on", after.due_on)
        .created("report_on", after.report_on);
    return c;
  }
  c.add("title", before->title, after.title)
      .add("kind", std::string(kind_code(before->kind)), std::string(kind_code(after.kind)))
      .add("form", form(*before), form(after))
      .add("level", std::string(level_code(before->level)), std::string(level_code(after.level)))
      .add("due_on", before->due_on, after.due_on).add("report_on", before->report_on, after.report_on);
  return c;
}

// An account's text: required, at most 20,000 characters.
std::string account_text(const std::optional<std::string>& text) {
  std::string t(domain::trim(text.value_or("")));
  auto n = domain::utf8_length(t);
  if (!n || t.empty()) throw domain::invalid("required", "text", "请填写做法、经验和成效", "the written account is required");
  if (*n > 20000) throw domain::invalid("too_long", "text", "书面材料不能超过20000字", "the account is too long");
  return t;
}

// An explanation beside the numbers: trimmed, at most 2,000 characters; none when blank.
std::optional<std::string> explanation_of(const std::optional<std::string>& explanation) {
  if (!explanation || domain::trim(*explanation).empty()) return std::nullopt;
  std::string why(domain::trim(*explanation));
  if (domain::utf8_length(why).value_or(99999) > 2000)
    throw domain::invalid("too_long", "explanation", "说明不能超过2000字", "the explanation is too long");
  return why;
}

std::optional<SubmissionState> latest_state(const std::vector<storage::SubmissionRow>& versions) {
  if (versions.empty()) return std::nullopt;
  return versions.front().state;
}

// The numbers of a frozen form by row and column.
std::map<std::pair<std::string, std::string>, std::optional<long long>> numbers_of(const nlohmann::json& snapshot) {
  std::map<std::pair<std::string, std::string>, std::optional<long long>> out;
  auto add = [&](const std::string& row, const nlohmann::json& cells) {
    for (const auto& [key, value] : cells.items())
      if (value.is_number_integer() || value.is_null())
        out[{row, key}] = value.is_null() ? std::nullopt : std::optional<long long>(value.get<long long>());
  };
  for (const auto& row : snapshot.value("rows", nlohmann::json::array())) add(row.value("key", ""), row["cells"]);
  if (snapshot.contains("totals") && snapshot["totals"].is_object()) add("total", snapshot["totals"]);
  return out;
}

}  // namespace

std::string snapshot_of(const FormReport& report) {
  auto cell = [](const domain::forms::Cell& c) -> nlohmann::json {
    if (c.number) return *c.number;
    if (c.text) return *c.text;
    return nullptr;
  };
  auto cells = [&](const std::vector<domain::forms::Cell>& row) {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t i = 0; i < row.size() && i < report.layout.columns.size(); ++i) {
      const auto& column = report.layout.columns[i];
      if (column.kind == domain::forms::ColumnKind::kLabel) continue;
      out[column.key] = cell(row[i]);
    }
    return out;
  };
  nlohmann::json j{{"form", report.layout.form},
                   {"version", report.layout.version},
                   {"title", report.layout.title},
                   {"within", {{"id", report.within_id}, {"name", report.within_name}}},
                   {"on", report.on.iso()},
                   {"baseline", report.baseline.iso()}};
  j["rows"] = nlohmann::json::array();
  for (const auto& row : report.rows) j["rows"].push_back({{"key", row.key}, {"label", row.label}, {"cells", cells(row.cells)}});
  j["totals"] = report.totals ? cells(*report.totals) : nlohmann::json(nullptr);
  return j.dump();
}

std::vector<storage::CampaignRow> Campaigns::List(const Actor& actor) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) { return CampaignQueries(tx).visible_from(actor.scope); });
}

CampaignDetail Campaigns::Campaign(const Actor& actor, CampaignId id) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    auto row = visible_campaign(tx, actor, id);
    CampaignQueries q(tx);
    return CampaignDetail{row, q.milestones(id), q.group(id)};
  });
}

CampaignDetail Campaigns::CreateCampaign(const Actor& actor, const NewCampaign& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  domain::campaign::Campaign c;
  c.name = std::string(domain::trim(input.name));
  c.document_number = input.document_number;
  c.document_date = input.document_date;
  c.document_text = input.document_text;
  c.baseline_on = input.baseline_on;
  validate_campaign(c);
  const Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    auto runner = input.organisation_id ? input.organisation_id : actor.organisation_id;
    if (!runner && actor.scope.is_whole_tree())
      throw domain::invalid("required", "organisation_id", "请选择负责这项工作的妇联", "organisation_id is required");
    auto body = storage::OrganisationRepository(tx).find(actor.scope, runner.value_or(actor.scope.organisation_id), today);
    if (!body) throw no("organisation_id", "组织", "organisation");
    c.organisation_id = body->organisation.id;
    const std::string now = domain::utc_timestamp_now();
    CampaignRepository repo(tx);
    c.id = repo.insert(c, now);
    repo.seed_pilots(c.id, body->path, now, actor.name);  // the registry's pilots start it
    storage::ContactRepository(tx).adopt_unattached(c.id, body->path);  // and the contacts no campaign has
    ChangeSet changes;
    changes.created("name", c.name).created("document_number", c.document_number)
        .created("document_date", c.document_date).created("baseline_on", c.baseline_on);
    record_audit(tx, actor, {"create", "campaign", std::to_string(c.id), c.organisation_id}, changes);
    return CampaignDetail{*CampaignQueries(tx).campaign(c.id), {}, {}};
  });
}

CampaignDetail Campaigns::ChangeCampaign(const Actor& actor, CampaignId id, const CampaignChange& change) {
  return db_.write([&](storage::WriteTx& tx) {
    auto row = visible_campaign(tx, actor, id);
    require_runner(actor, row);
    const domain::campaign::Campaign before = row.campaign;
    domain::campaign::Campaign after = before;
    auto text = [](const std::optional<std::string>& v) -> std::optional<std::string> {
      if (!v || domain::trim(*v).empty()) return std::nullopt;
      return std::string(domain::trim(*v));
    };
    if (change.name) after.name = std::string(domain::trim(*change.name));
    if (change.document_number) after.document_number = text(*change.document_number);
    if (change.document_text) after.document_text = text(*change.document_text);
    if (change.office) after.office = text(*change.office);
    if (change.document_date) after.document_date = *change.document_date;
    if (change.baseline_on) after.baseline_on = *change.baseline_on;
    validate_campaign(after);
    ChangeSet changes;
    changes.add("name", before.name, after.name).add("document_number", before.document_number, after.document_number)
        .add("document_date", before.document_date, after.document_date)
        .add("document_text", before.document_text, after.document_text)
        .add("baseline_on", before.baseline_on, after.baseline_on).add("office", before.office, after.office);
    CampaignRepository repo(tx);
    if (!changes.empty()) {
      repo.update(after, domain::utc_timestamp_now());
      record_audit(tx, actor, {"update", "campaign", std::to_string(id), after.organisation_id}, changes);
    }
    return CampaignDetail{*repo.campaign(id), repo.milestones(id), repo.group(id)};
  });
}

GroupMember Campaigns::AddGroupMember(const Actor& actor, CampaignId id, const NewGroupMember& input) {
  GroupMember m;
  m.campaign_id = id;
  m.name = std::string(domain::trim(input.name));
  auto role = group_role_from_code(input.role);
  if (!role) throw domain::invalid("unknown_role", "role", "职务应为组长、副组长或成员", "role is leader, deputy or member");
  m.role = *role;
  if (input.post && !domain::trim(*input.post).empty()) m.post = std::string(domain::trim(*input.post));
  m.sort_order = input.sort_order.value_or(0);
  if (m.sort_order < 0 || m.sort_order > 10000)
    throw domain::invalid("out_of_range", "sort_order", "排序应在0到10000之间", "sort_order is 0..10000");
  return db_.write([&](storage::WriteTx& tx) {
    auto row = visible_campaign(tx, actor, id);
    require_runner(actor, row);
    CampaignRepository repo(tx);
    const auto group = repo.group(id);
    validate_group_member(m, std::any_of(group.begin(), group.end(),
                                         [](const GroupMember& g) { return g.role == GroupRole::kLeader; }));
    m.id = repo.insert(m);
    ChangeSet changes;
    changes.created("campaign_id", id).created("name", m.name)
        .created("role", std::string(group_role_code(m.role))).created("post", m.post);
    record_audit(tx, actor, {"add", "campaign_group", std::to_string(m.id), row.campaign.organisation_id}, changes);
    return m;
  });
}

void Campaigns::RemoveGroupMember(const Actor& actor, CampaignId id, std::int64_t member) {
  db_.write([&](storage::WriteTx& tx) {
    auto row = visible_campaign(tx, actor, id);
    require_runner(actor, row);
    CampaignRepository repo(tx);
    const auto group = repo.group(id);
    auto it = std::find_if(group.begin(), group.end(), [&](const GroupMember& g) { return g.id == member; });
    if (it == group.end()) throw no("member_id", "领导小组成员", "group member");
    repo.remove_member(member);
    ChangeSet changes;
    changes.removed("name", it->name).removed("role", std::string(group_role_code(it->role))).removed("post", it->post);
    record_audit(tx, actor, {"remove", "campaign_group", std::to_string(member), row.campaign.organisation_id}, changes);
  });
}

namespace {

// The body to mark or unmark: in the caller's scope, under the runner, the caller above it.
storage::OrganisationRow pilot_body(const storage::ReadTx& tx, const Actor& actor, const storage::CampaignRow& c,
                                    domain::OrganisationId id, const Date& today) {
  auto row = storage::OrganisationRepository(tx).find(actor.scope, id, today);
  if (!row || !row->path.starts_with(c.organisation_path)) throw no("organisation_id", "组织", "organisation");
  require_above(actor, id, row->path);
  return *row;
}

}  // namespace

Pilots Campaigns::MarkPilot(const Actor& actor, CampaignId id, domain::OrganisationId body) {
  const Date today = today_();
  db_.write([&](storage::WriteTx& tx) {
    auto c = visible_campaign(tx, actor, id);
    auto row = pilot_body(tx, actor, c, body, today);
    require_pilot_level(row.organisation.type);
    if (row.organisation.closed_on)
      throw domain::invalid("closed", "organisation_id", row.organisation.name + "已撤销，不能设为示范点",
                            "the body is closed");
    CampaignRepository repo(tx);
    if (repo.is_pilot(id, body))
      throw domain::DomainError(domain::ErrorKind::kConflict, "already_pilot", "organisation_id",
                                row.organisation.name + "已是这项工作的示范点", "the body is already a pilot");
    repo.mark_pilot(id, body, domain::utc_timestamp_now(), actor.name);
    ChangeSet changes;
    changes.created("campaign_id", id).created("organisation_id", body);
    record_audit(tx, actor, {"add", "campaign_pilot", std::to_string(id), body}, changes);
  });
  return PilotsOf(actor, id, std::nullopt);
}

void Campaigns::UnmarkPilot(const Actor& actor, CampaignId id, domain::OrganisationId body) {
  const Date today = today_();
  db_.write([&](storage::WriteTx& tx) {
    auto c = visible_campaign(tx, actor, id);
    pilot_body(tx, actor, c, body, today);
    CampaignRepository repo(tx);
    if (!repo.is_pilot(id, body)) throw no("organisation_id", "示范点", "pilot");
    repo.unmark_pilot(id, body);
    ChangeSet changes;
    changes.removed("campaign_id", id).removed("organisation_id", body);
    record_audit(tx, actor, {"remove", "campaign_pilot", std::to_string(id), body}, changes);
  });
}

Pilots Campaigns::PilotsOf(const Actor& actor, CampaignId id, std::optional<Date> on) {
  domain::require(actor.role, domain::Permission::kRead);
  const Date today = today_();
  const Date day = on.value_or(today);
  auto [campaign, bodies] = db_.read([&](storage::ReadTx& tx) {
    auto c = visible_campaign(tx, actor, id);
    std::vector<storage::OwingBody> pilots;
    for (auto& b : CampaignQueries(tx).owing(id, c.organisation_path, Level::kPilot))
      if (actor.scope.contains(b.path)) pilots.push_back(std::move(b));
    return std::pair{c, pilots};
  });
  Pilots out{day, {}, {}, {}};
  // Every body of the runner's subtree (or the caller's, when the runner is above her) on the day.
  const bool sees_runner = actor.scope.contains(campaign.organisation_path);
  auto report = staffing_.ComplianceOf(actor.scope, sees_runner ? std::optional(campaign.campaign.organisation_id)
                                                                : std::nullopt,
                                       day, campaign.campaign.baseline_on);
  std::map<domain::OrganisationId, std::string> districts;
  std::map<int, ComplianceShare> pilots_by_level;  // by the level in the tree (a street is a township's peer)
  auto count = [](ComplianceShare& share, domain::staffing::ComplianceStatus status) {
    ++share.bodies;
    if (status == domain::staffing::ComplianceStatus::kMeets) ++share.meets;
    if (status == domain::staffing::ComplianceStatus::kShort) ++share.short_staffed;
    if (status == domain::staffing::ComplianceStatus::kOver) ++share.over_staffed;
  };
  for (auto& body : bodies) {
    auto composition = staffing_.CheckBody(actor.scope, body.id, day);
    PilotLine line{body, std::nullopt, "", composition.status, composition.total};
    if (auto ids = storage::ids_in_path(body.path); ids.size() >= 2) {
      line.district_id = ids[1];
      if (!districts.contains(ids[1]))
        districts[ids[1]] = db_.read([&](storage::ReadTx& tx) {
          auto d = storage::OrganisationRepository(tx).find(domain::Scope::whole_tree(), ids[1], today);
          return d ? d->organisation.name : std::string();
        });
      line.district_name = districts[ids[1]];
    }
    count(out.pilots, line.status);
    count(pilots_by_level[domain::body_type_level(body.type)], line.status);
    out.lines.push_back(std::move(line));
  }
  for (const auto& [level, pilots] : pilots_by_level) {
    ComplianceShare all;
    for (const auto& [type, counts] : report->current.rollup.by_body_type)
      if (domain::body_type_level(type) == level) {
        all.bodies += counts.bodies;
        all.meets += counts.meets;
        all.short_staffed += counts.short_staffed;
        all.over_staffed += counts.over_staffed;
      }
    out.others.bodies += std::max(0, all.bodies - pilots.bodies);
    out.others.meets += std::max(0, all.meets - pilots.meets);
    out.others.short_staffed += std::max(0, all.short_staffed - pilots.short_staffed);
    out.others.over_staffed += std::max(0, all.over_staffed - pilots.over_staffed);
  }
  return out;
}

Milestone Campaigns::AddMilestone(const Actor& actor, CampaignId campaign, const MilestoneInput& input) {
  return db_.write([&](storage::WriteTx& tx) {
    auto c = visible_campaign(tx, actor, campaign);
    require_runner(actor, c);
    if (!input.title) throw domain::invalid("required", "title", "请填写事项名称", "title is required");
    if (!input.kind) throw domain::invalid("required", "kind", "请选择事项类型", "kind is required");
    if (!input.level) throw domain::invalid("required", "level", "请选择上报层级", "level is required");
    if (!input.due_on) throw domain::invalid("required", "due_on", "请填写截止日期", "due_on is required");
    Milestone m;
    m.campaign_id = campaign;
    m = apply(m, input);
    m.id = CampaignRepository(tx).insert(m, domain::utc_timestamp_now());
    record_audit(tx, actor, {"create", "milestone", std::to_string(m.id), c.campaign.organisation_id},
                 milestone_changes(nullptr, m));
    return m;
  });
}

Milestone Campaigns::ChangeMilestone(const Actor& actor, MilestoneId id, const MilestoneInput& input) {
  return db_.write([&](storage::WriteTx& tx) {
    auto l = visible_milestone(tx, actor, id);
    require_runner(actor, l.campaign);
    Milestone after = apply(l.milestone, input);
    ChangeSet changes = milestone_changes(&l.milestone, after);
    if (!changes.empty()) {
      CampaignRepository(tx).update(after, domain::utc_timestamp_now());
      record_audit(tx, actor, {"update", "milestone", std::to_string(id), l.campaign.campaign.organisation_id}, changes);
    }
    return after;
  });
}

Dashboard Campaigns::DashboardOf(const Actor& actor, MilestoneId id) {
  domain::require(actor.role, domain::Permission::kRead);
  const Date today = today_();
  return db_.read([&](storage::ReadTx& tx) {
    auto l = visible_milestone(tx, actor, id);
    CampaignQueries q(tx);
    std::map<domain::OrganisationId, storage::SubmissionRow> latest;
    for (auto& s : q.latest(id)) latest.emplace(s.organisation_id, std::move(s));
    const auto drafts = q.drafted(id);
    const std::set<domain::OrganisationId> drafted(drafts.begin(), drafts.end());
    std::map<domain::OrganisationId, std::pair<int, std::string>> reminded;
    for (const auto& r : q.reminders(id)) {
      auto& [count, last] = reminded[r.organisation_id];
      if (count++ == 0) last = r.sent_at;
    }
    Dashboard d{l.milestone, l.campaign.campaign.name, {}, {}, {}};
    for (auto& body : q.owing(l.milestone.campaign_id, l.campaign.organisation_path, l.milestone.level)) {
      if (!actor.scope.contains(body.path)) continue;
      DashboardLine line{std::move(body), {}, std::nullopt, 0, std::nullopt};
      if (auto it = latest.find(line.body.id); it != latest.end()) line.latest = it->second;
      line.status = status_of(line.latest ? std::optional(line.latest->state) : std::nullopt, l.milestone.due_on, today,
                              drafted.contains(line.body.id));
      if (auto it = reminded.find(line.body.id); it != reminded.end()) {
        line.reminders = it->second.first;
        line.last_reminded_at = it->second.second;
      }
      StandingCounts& group = line.body.pilot ? d.pilots : d.others;
      ++group.bodies;
      switch (line.status.standing) {
        case Standing::kNotStarted: ++group.not_started; break;
        case Standing::kDraft: ++group.draft; break;
        case Standing::kSubmitted: ++group.submitted; break;
        case Standing::kReturned: ++group.returned; break;
        case Standing::kAccepted: ++group.accepted; break;
      }
      if (line.status.overdue_days > 0) ++group.overdue;
      d.lines.push_back(std::move(line));
    }
    return d;
  });
}

Progress Campaigns::ProgressOf(const Actor& actor, MilestoneId id, domain::OrganisationId body) {
  domain::require(actor.role, domain::Permission::kRead);
  const Date today = today_();
  return db_.read([&](storage::ReadTx& tx) {
    auto l = visible_milestone(tx, actor, id);
    Progress p{l.milestone, owing_body(tx, actor, l, body, today, "organisation_id"), {}, {}, {}, std::nullopt};
    CampaignQueries q(tx);
    p.versions = q.versions(id, body);
    p.reminders = q.reminders(id, body);
    p.draft = q.draft(id, body);
    p.status = status_of(latest_state(p.versions), l.milestone.due_on, today, p.draft.has_value());
    return p;
  });
}

SubmissionDetail Campaigns::Submit(const Actor& actor, MilestoneId id, domain::OrganisationId body,
                                   const std::optional<std::string>& explanation,
                                   const std::optional<std::string>& text) {
  domain::require(actor.role, domain::Permission::kWrite);
  const Date today = today_();
  // What is submitted is computed first, in its own read: the form as the registry has it now.
  auto l = db_.read([&](storage::ReadTx& tx) {
    auto loaded = visible_milestone(tx, actor, id);
    owing_body(tx, actor, loaded, body, today, "organisation_id");
    // Said first: a report already with the level above is not asked for an explanation.
    require_may_submit(latest_state(CampaignQueries(tx).versions(id, body)));
    return loaded;
  });
  std::string snapshot;
  int failing = 0;  // bodies of the subtree breaking the staffing rules on the report date
  switch (l.milestone.kind) {
    case MilestoneKind::kDeadline:
      throw domain::invalid("nothing_to_submit", "id", "这是一个截止日期，不需要上报材料", "a deadline has nothing to submit");
    case MilestoneKind::kAccount:
      snapshot = nlohmann::json{{"text", account_text(text)}}.dump();
      break;
    case MilestoneKind::kForm: {
      auto report = forms_.Report(actor, {*l.milestone.form, body, l.milestone.report_day(),
                                          l.campaign.campaign.baseline_on, false, l.campaign.campaign.id});
      if (report.layout.rows == domain::forms::RowGroup::kLevel) {  // the members' forms (4, 5)
        const auto compliance =
            staffing_.ComplianceOf(actor.scope, body, l.milestone.report_day(), l.campaign.campaign.baseline_on);
        require_explanation(compliance->failing.size(),
                            compliance->failing.empty() ? "" : compliance->failing.front().body.name, explanation);
        failing = static_cast<int>(compliance->failing.size());
      }
      snapshot = snapshot_of(report);
      break;
    }
  }
  const std::optional<std::string> why = explanation_of(explanation);
  return db_.write([&](storage::WriteTx& tx) {
    CampaignRepository repo(tx);
    auto versions = repo.versions(id, body);
    require_may_submit(latest_state(versions));
    storage::SubmissionRow s;
    s.milestone_id = id;
    s.organisation_id = body;
    s.version = versions.empty() ? 1 : versions.front().version + 1;
    s.state = SubmissionState::kSubmitted;
    s.snapshot = std::move(snapshot);
    s.sha256 = sha256_hex(s.snapshot);
    s.explanation = why;
    s.days_late = days_late(today, l.milestone.due_on);
    s.submitted_at = domain::utc_timestamp_now();
    s.submitted_by = actor.name;
    s.id = repo.insert(s);
    repo.drop_draft(id, body);  // submitted: the draft is the version now
    ChangeSet changes;
    changes.created("milestone_id", id).created("version", s.version).created("sha256", s.sha256)
        .created("days_late", s.days_late).created("explanation", s.explanation).created("failing_bodies", failing);
    record_audit(tx, actor, {"submit", "submission", std::to_string(s.id), body}, changes);
    return SubmissionDetail{*repo.submission(s.id), l.milestone, {}, {}};
  });
}

storage::DraftRow Campaigns::SaveDraft(const Actor& actor, MilestoneId id, domain::OrganisationId body,
                                       const std::optional<std::string>& explanation,
                                       const std::optional<std::string>& text) {
  domain::require(actor.role, domain::Permission::kWrite);
  const Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    auto l = visible_milestone(tx, actor, id);
    owing_body(tx, actor, l, body, today, "organisation_id");
    if (l.milestone.kind == MilestoneKind::kDeadline)
      throw domain::invalid("nothing_to_submit", "id", "这是一个截止日期，不需要上报材料", "a deadline has nothing to submit");
    CampaignRepository repo(tx);
    require_may_submit(latest_state(repo.versions(id, body)));
    storage::DraftRow d{id, body, explanation_of(explanation), std::nullopt, domain::utc_timestamp_now(), actor.name};
    if (text && !domain::trim(*text).empty()) d.text = account_text(text);
    repo.save(d);
    ChangeSet changes;
    changes.created("milestone_id", id).created("explanation", d.explanation).created("text", d.text);
    record_audit(tx, actor, {"save", "submission_draft", std::to_string(id), body}, changes);
    return d;
  });
}

SubmissionDetail Campaigns::Submission(const Actor& actor, SubmissionId id) {
  domain::require(actor.role, domain::Permission::kRead);
  auto [row, milestone, campaign, files] = db_.read([&](storage::ReadTx& tx) {
    auto s = visible_submission(tx, actor, id);
    return std::tuple{s.row, s.loaded.milestone, s.loaded.campaign, CampaignQueries(tx).attachments(id)};
  });
  SubmissionDetail d{row, milestone, {}, files};
  if (milestone.kind == MilestoneKind::kForm) {
    // Where the live numbers have since moved from the submitted ones.
    auto then = numbers_of(nlohmann::json::parse(row.snapshot));
    auto now = numbers_of(nlohmann::json::parse(snapshot_of(forms_.Report(
        actor, {*milestone.form, row.organisation_id, milestone.report_day(), campaign.campaign.baseline_on, false,
                campaign.campaign.id}))));
    for (const auto& [key, live] : now) {
      auto it = then.find(key);
      auto submitted = it == then.end() ? std::nullopt : it->second;
      if (submitted != live) d.drift.push_back({key.first, key.second, submitted, live});
    }
    for (const auto& [key, submitted] : then)
      if (!now.contains(key) && submitted) d.drift.push_back({key.first, key.second, submitted, std::nullopt});
  }
  return d;
}

namespace {

SubmissionDetail decide(storage::Database& db, const Actor& actor, SubmissionId id, SubmissionState state,
                        const std::optional<std::string>& reason) {
  return db.write([&](storage::WriteTx& tx) {
    CampaignRepository repo(tx);
    auto s = repo.submission(id);
    if (!s || !actor.scope.contains(s->organisation_path)) throw no("id", "上报材料", "submission");
    auto l = visible_milestone(tx, actor, s->milestone_id);
    require_above(actor, s->organisation_id, s->organisation_path);
    require_may_decide(s->state);
    repo.decide(id, state, domain::utc_timestamp_now(), actor.name, reason);
    ChangeSet changes;
    changes.add("state", std::string(state_code(s->state)), std::string(state_code(state)))
        .created("version", s->version);
    if (reason) changes.created("reason", *reason);
    record_audit(tx, actor,
                 {state == SubmissionState::kAccepted ? "accept" : "return", "submission", std::to_string(id),
                  s->organisation_id},
                 changes);
    return SubmissionDetail{*repo.submission(id), l.milestone, {}, repo.attachments(id)};
  });
}

}  // namespace

SubmissionDetail Campaigns::Accept(const Actor& actor, SubmissionId id) {
  return decide(db_, actor, id, SubmissionState::kAccepted, std::nullopt);
}

SubmissionDetail Campaigns::Return(const Actor& actor, SubmissionId id, const std::string& reason) {
  return decide(db_, actor, id, SubmissionState::kReturned, return_reason(reason));
}

storage::ReminderRow Campaigns::Remind(const Actor& actor, MilestoneId id, domain::OrganisationId body,
                                       const std::optional<std::string>& note) {
  const Date today = today_();
  std::optional<std::string> text;
  if (note && !domain::trim(*note).empty()) {
    text = std::string(domain::trim(*note));
    if (domain::utf8_length(*text).value_or(9999) > 200)
      throw domain::invalid("too_long", "note", "催报留言不能超过200字", "the note is longer than 200 characters");
  }
  return db_.write([&](storage::WriteTx& tx) {
    auto l = visible_milestone(tx, actor, id);
    auto owing = owing_body(tx, actor, l, body, today, "organisation_id");
    require_above(actor, body, owing.path);
    CampaignRepository repo(tx);
    auto latest = latest_state(repo.versions(id, body));
    if (latest == SubmissionState::kAccepted || latest == SubmissionState::kSubmitted)
      throw domain::DomainError(domain::ErrorKind::kConflict, "already_submitted", "organisation_id",
                                owing.name + "已上报，无需催报", "the body has already submitted");
    storage::ReminderRow r{0, id, body, text, domain::utc_timestamp_now(), actor.name};
    r.id = repo.insert(r);
    ChangeSet changes;
    changes.created("milestone_id", id).created("note", text);
    record_audit(tx, actor, {"remind", "reminder", std::to_string(r.id), body}, changes);
    return r;
  });
}

std::vector<OwnDeadline> Campaigns::Deadlines(const Actor& actor) {
  domain::require(actor.role, domain::Permission::kRead);
  const Date today = today_();
  return db_.read([&](storage::ReadTx& tx) {
    std::vector<OwnDeadline> out;
    if (!actor.organisation_id) return out;
    auto own = storage::OrganisationRepository(tx).find(actor.scope, *actor.organisation_id, today);
    if (!own) return out;
    CampaignQueries q(tx);
    for (const auto& c : q.visible_from(actor.scope)) {
      if (!own->path.starts_with(c.organisation_path) || own->path == c.organisation_path) continue;
      for (const auto& m : q.milestones(c.campaign.id)) {
        if (!owes(m.level, own->organisation.type, q.is_pilot(c.campaign.id, own->organisation.id))) continue;
        OwnDeadline d{c.campaign.name, m, {}, std::nullopt};
        if (m.kind != MilestoneKind::kDeadline)
          d.status = status_of(latest_state(q.versions(m.id, own->organisation.id)), m.due_on, today,
                               q.draft(m.id, own->organisation.id).has_value());
        if (auto r = q.reminders(m.id, own->organisation.id); !r.empty()) d.last_reminded_at = r.front().sent_at;
        out.push_back(std::move(d));
      }
    }
    return out;
  });
}

}  // namespace jinguo::services
