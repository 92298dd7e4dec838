#include "http/campaign_dto.h"

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace jinguo::http::dto {

namespace {

using namespace domain::campaign;

std::optional<std::string> iso(const std::optional<domain::Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

void status_fields(JsonWriter& w, const Status& s) {
  w.field("state", standing_code(s.standing)).field("overdue_days", s.overdue_days);
}

// A submission without its snapshot (lists), or with it (one submission).
void submission_fields(JsonWriter& w, const storage::SubmissionRow& s) {
  w.field("id", s.id)
      .field("milestone_id", s.milestone_id)
      .field("organisation_id", s.organisation_id)
      .field("organisation_name", s.organisation_name)
      .field("version", s.version)
      .field("state", state_code(s.state))
      .field("sha256", s.sha256)
      .field("explanation", s.explanation)
      .field("days_late", s.days_late)
      .field("submitted_at", s.submitted_at)
      .field("submitted_by", s.submitted_by)
      .field("decided_at", s.decided_at)
      .field("decided_by", s.decided_by)
      .field("decision_reason", s.decision_reason)
      .field("attachment_count", s.attachment_count);
}

void campaign_fields(JsonWriter& w, const storage::CampaignRow& row) {
  const auto& c = row.campaign;
  w.field("id", c.id)
      .field("organisation_id", c.organisation_id)
      .field("organisation_name", row.organisation_name)
      .field("name", c.name)
      .field("document_number", c.document_number)
      .field("document_date", iso(c.document_date))
      .field("document_text", c.document_text)
      .field("baseline_on", c.baseline_on.iso())
      .field("office", c.office);
}

}  // namespace

void campaign(JsonWriter& w, const storage::CampaignRow& row) {
  w.object([&] { campaign_fields(w, row); });
}

void campaigns(JsonWriter& w, const std::vector<storage::CampaignRow>& rows) {
  w.begin_object().key("items").array(rows, [&](const storage::CampaignRow& r) { campaign(w, r); }).end_object();
}

void milestone(JsonWriter& w, const Milestone& m) {
  w.begin_object()
      .field("id", m.id)
      .field("campaign_id", m.campaign_id)
      .field("title", m.title)
      .field("kind", kind_code(m.kind))
      .field("form", m.form ? std::optional<std::int64_t>(*m.form) : std::nullopt)
      .field("level", level_code(m.level))
      .field("level_label", level_label(m.level))
      .field("due_on", m.due_on.iso())
      .field("report_on", m.report_day().iso())
      .field("sort_order", m.sort_order)
      .end_object();
}

void campaign_detail(JsonWriter& w, const services::CampaignDetail& d) {
  w.object([&] {
    campaign_fields(w, d.row);
    w.key("milestones").array(d.milestones, [&](const Milestone& m) { milestone(w, m); });
    w.key("group").array(d.group, [&](const GroupMember& m) { group_member(w, m); });
  });
}

void dashboard(JsonWriter& w, const services::Dashboard& d) {
  w.begin_object().key("milestone");
  milestone(w, d.milestone);
  w.field("campaign_name", d.campaign_name).key("items").array(d.lines, [&](const services::DashboardLine& l) {
    w.begin_object()
        .field("organisation_id", l.body.id)
        .field("organisation_name", l.body.name)
        .field("type", domain::body_type_code(l.body.type))
        .field("pilot", l.body.pilot);
    status_fields(w, l.status);
    w.field("version", l.latest ? std::optional<std::int64_t>(l.latest->version) : std::nullopt)
        .field("submission_id", l.latest ? std::optional<std::int64_t>(l.latest->id) : std::nullopt)
        .field("submitted_at", l.latest ? std::optional(l.latest->submitted_at) : std::nullopt)
        .field("days_late", l.latest ? l.latest->days_late : 0)
        .field("reminders", l.reminders)
        .field("last_reminded_at", l.last_reminded_at)
        .end_object();
  });
  w.key("summary").begin_array();
  for (const auto& [group, c] : {std::pair{"pilots", &d.pilots}, std::pair{"others", &d.others}})
    w.begin_object()
        .field("group", group)
        .field("bodies", c->bodies)
        .field("not_started", c->not_started)
        .field("draft", c->draft)
        .field("submitted", c->submitted)
        .field("returned", c->returned)
        .field("accepted", c->accepted)
        .field("overdue", c->overdue)
        .end_object();
  w.end_array().end_object();
}

void reminder(JsonWriter& w, const storage::ReminderRow& r) {
  w.begin_object()
      .field("id", r.id)
      .field("milestone_id", r.milestone_id)
      .field("organisation_id", r.organisation_id)
      .field("note", r.note)
      .field("sent_at", r.sent_at)
      .field("sent_by", r.sent_by)
      .end_object();
}

void progress(JsonWriter& w, const services::Progress& p) {
  w.begin_object().key("milestone");
  milestone(w, p.milestone);
  w.field("organisation_id", p.body.id).field("organisation_name", p.body.name);
  status_fields(w, p.status);
  w.key("versions").array(p.versions, [&](const storage::SubmissionRow& s) {
    w.begin_object();
    submission_fields(w, s);
    w.end_object();
  });
  w.key("reminders").array(p.reminders, [&](const storage::ReminderRow& r) { reminder(w, r); });
  w.key("draft");
  if (p.draft) draft(w, *p.draft);
  else w.value(nullptr);
  w.end_object();
}

void submission_detail(JsonWriter& w, const services::SubmissionDetail& d) {
  w.begin_object();
  submission_fields(w, d.row);
  w.key("milestone");
  milestone(w, d.milestone);
  w.key("snapshot").dom(nlohmann::json::parse(d.row.snapshot));
  w.key("drift").array(d.drift, [&](const services::Drift& x) {
    w.begin_object()
        .field("row", x.row)
        .field("column", x.column)
        .field("submitted", x.submitted ? std::optional<std::int64_t>(*x.submitted) : std::nullopt)
        .field("live", x.live ? std::optional<std::int64_t>(*x.live) : std::nullopt)
        .end_object();
  });
  w.key("attachments").array(d.attachments, [&](const storage::AttachmentRow& a) { attachment(w, a); });
  w.end_object();
}

void deadlines(JsonWriter& w, const std::vector<services::OwnDeadline>& items) {
  w.begin_object().key("items").array(items, [&](const services::OwnDeadline& d) {
    w.begin_object().field("campaign_name", d.campaign_name).key("milestone");
    milestone(w, d.milestone);
    status_fields(w, d.status);
    w.field("last_reminded_at", d.last_reminded_at).end_object();
  });
  w.end_object();
}

namespace {

void spot_check_fields(JsonWriter& w, const storage::SpotCheckRow& s) {
  w.field("id", s.id)
      .field("campaign_id", s.campaign_id)
      .field("organisation_id", s.organisation_id)
      .field("organisation_name", s.organisation_name)
      .field("seed", std::to_string(s.seed))  // a string: 64 bits do not fit a JavaScript number
      .field("sample_size", s.sample_size)
      .field("drawn_at", s.drawn_at)
      .field("drawn_by", s.drawn_by)
      .field("checked", s.checked)
      .field("differences", s.differences);
}

}  // namespace

void spot_check(JsonWriter& w, const storage::SpotCheckRow& s) {
  w.begin_object();
  spot_check_fields(w, s);
  w.key("items").array(s.items, [&](const storage::SpotCheckItemRow& i) {
    w.begin_object()
        .field("organisation_id", i.organisation_id)
        .field("organisation_name", i.organisation_name)
        .field("type", domain::body_type_code(i.type))
        .field("type_label", domain::body_type_label(i.type))
        .field("stratum", stratum_code(i.stratum))
        .field("finding", i.finding ? std::optional<std::string>(std::string(finding_code(*i.finding))) : std::nullopt)
        .field("differences", i.differences)
        .field("notes", i.notes)
        .field("checked_on", iso(i.checked_on))
        .field("checked_by", i.checked_by)
        .end_object();
  });
  w.end_object();
}

void spot_checks(JsonWriter& w, const std::vector<storage::SpotCheckRow>& rows) {
  w.begin_object().key("items").array(rows, [&](const storage::SpotCheckRow& s) {
    w.begin_object();
    spot_check_fields(w, s);
    w.end_object();
  });
  w.end_object();
}

void draft(JsonWriter& w, const storage::DraftRow& d) {
  w.begin_object()
      .field("milestone_id", d.milestone_id)
      .field("organisation_id", d.organisation_id)
      .field("explanation", d.explanation)
      .field("text", d.text)
      .field("saved_at", d.saved_at)
      .field("saved_by", d.saved_by)
      .end_object();
}

void group_member(JsonWriter& w, const GroupMember& m) {
  w.begin_object()
      .field("id", m.id)
      .field("name", m.name)
      .field("role", group_role_code(m.role))
      .field("role_label", group_role_label(m.role))
      .field("role_label_en", group_role_label_en(m.role))
      .field("post", m.post)
      .field("sort_order", m.sort_order)
      .end_object();
}

void attachment(JsonWriter& w, const storage::AttachmentRow& a) {
  w.begin_object()
      .field("id", a.id)
      .field("submission_id", a.submission_id)
      .field("file_name", a.file_name)
      .field("content_type", a.content_type)
      .field("size", a.size)
      .field("sha256", a.sha256)
      .field("uploaded_at", a.uploaded_at)
      .field("uploaded_by", a.uploaded_by)
      .end_object();
}

void pilots(JsonWriter& w, const services::Pilots& p) {
  w.begin_object().field("on", p.on.iso()).key("items").array(p.lines, [&](const services::PilotLine& l) {
    w.begin_object()
        .field("organisation_id", l.body.id)
        .field("organisation_name", l.body.name)
        .field("type", domain::body_type_code(l.body.type))
        .field("type_label", domain::body_type_label(l.body.type))
        .field("district_id", l.district_id)
        .field("district_name", l.district_name)
        .field("status", domain::staffing::compliance_status_code(l.status))
        .field("total", l.total)
        .end_object();
  });
  w.key("comparison").begin_array();
  for (const auto& [group, c] : {std::pair{"pilots", &p.pilots}, std::pair{"others", &p.others}})
    w.begin_object()
        .field("group", group)
        .field("bodies", c->bodies)
        .field("meets", c->meets)
        .field("short", c->short_staffed)
        .field("over", c->over_staffed)
        .field("share", c->bodies ? std::optional<double>(static_cast<double>(c->meets) / c->bodies) : std::nullopt)
        .end_object();
  w.end_array().end_object();
}

namespace {

void score_item(JsonWriter& w, const ScoreItem& item, const std::vector<Milestone>& milestones) {
  std::optional<std::string> title;
  for (const auto& m : milestones)
    if (item.milestone_id == m.id) title = m.title;
  w.begin_object()
      .field("id", item.id)
      .field("measure", measure_code(item.measure))
      .field("measure_label", measure_label(item.measure))
      .field("label", item.label)
      .field("weight", item.weight)
      .field("milestone_id", item.milestone_id)
      .field("milestone_title", title)
      .field("on", iso(item.on))
      .field("per_day_penalty", item.per_day_penalty)
      .end_object();
}

}  // namespace

void score_scheme(JsonWriter& w, const services::ScoreScheme& s) {
  w.begin_object()
      .key("items")
      .array(s.items, [&](const ScoreItem& item) { score_item(w, item, s.milestones); })
      .end_object();
}

void scores(JsonWriter& w, const services::Scores& s) {
  w.begin_object()
      .field("campaign_id", s.campaign.campaign.id)
      .field("max", s.max)
      .key("scheme")
      .array(s.scheme.items, [&](const ScoreItem& item) { score_item(w, item, s.scheme.milestones); })
      .key("items")
      .array(s.lines, [&](const services::DistrictScoreLine& l) {
        w.begin_object()
            .field("rank", l.rank)
            .field("organisation_id", l.district.id)
            .field("organisation_name", l.district.name)
            .field("total", l.score.total)
            .key("parts")
            .array(l.score.parts, [&](const ScorePart& p) {
              w.begin_object()
                  .field("score_item_id", p.score_item_id)
                  .field("points", p.points)
                  .field("detail", p.detail)
                  .field("detail_en", p.detail_en)
                  .end_object();
            })
            .end_object();
      })
      .end_object();
}

}  // namespace jinguo::http::dto
